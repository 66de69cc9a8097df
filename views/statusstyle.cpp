#include "statusstyle.h"

#include <QHash>
#include <QPalette>

namespace sw::style {

namespace {

struct StatusColours {
    QRgb light; ///< on a light window: dark enough for white text
    QRgb dark; ///< on a dark window: light enough for black text
};

StatusColours coloursOf(UnifiedStatus status)
{
    switch (status) {
    case UnifiedStatus::Running:
        return {0xff1f6fd1, 0xff6ea8f0};
    case UnifiedStatus::Succeeded:
        return {0xff1e7e34, 0xff6fcf87};
    case UnifiedStatus::Failed:
        return {0xffc62828, 0xffff7b72};
    case UnifiedStatus::NeedsAttention:
        return {0xffb35900, 0xffffb454};
    case UnifiedStatus::Paused:
        return {0xff5a6f99, 0xff9fb3d9};
    case UnifiedStatus::Pending:
        return {0xff69727d, 0xffaeb6bf};
    case UnifiedStatus::Cancelled:
    case UnifiedStatus::Skipped:
    case UnifiedStatus::Unknown:
        break;
    }
    return {0xff6d6d6d, 0xffb0b0b0};
}

QIcon cachedIcon(const QString &path)
{
    // QIcon is implicitly shared; caching keeps one SVG engine per file instead of one per
    // painted cell.
    static QHash<QString, QIcon> cache;
    auto it = cache.find(path);
    if (it == cache.end())
        it = cache.insert(path, QIcon(path));
    return *it;
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

QColor statusColor(UnifiedStatus status, const QPalette &palette)
{
    const StatusColours c = coloursOf(status);
    return QColor::fromRgba(isDark(palette) ? c.dark : c.light);
}

QColor statusTextColor(UnifiedStatus, const QPalette &palette)
{
    return isDark(palette) ? QColor(0x14, 0x14, 0x14) : QColor(Qt::white);
}

QColor statusTint(UnifiedStatus status, const QPalette &palette)
{
    QColor c = statusColor(status, palette);
    c.setAlpha(isDark(palette) ? 70 : 45);
    return c;
}

QColor highlightColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xd5, 0x4f, 60) : QColor(0xff, 0xe0, 0x82, 140);
}

QColor staleTextColor(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return QColor((text.red() + base.red()) / 2, (text.green() + base.green()) / 2,
        (text.blue() + base.blue()) / 2);
}

QIcon statusIcon(UnifiedStatus status)
{
    return cachedIcon(QStringLiteral(":/icons/status-%1.svg").arg(statusKey(status)));
}

QIcon serviceIcon(Service service)
{
    return cachedIcon(QStringLiteral(":/icons/service-%1.svg").arg(serviceId(service)));
}

QIcon actionIcon(const QString &name, const QString &themeName)
{
    const QIcon own = cachedIcon(QStringLiteral(":/icons/action-%1.svg").arg(name));
    return themeName.isEmpty() ? own : QIcon::fromTheme(themeName, own);
}

QIcon appIcon()
{
    return cachedIcon(QStringLiteral(":/icons/stepwatch.svg"));
}

} // namespace sw::style
