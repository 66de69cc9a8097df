#include "freshnessbanner.h"

#include "freshness.h"
#include "poller.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

constexpr int MaxLines = 4;

} // namespace

FreshnessBanner::FreshnessBanner(Poller *poller, QWidget *parent)
    : QLabel(parent), m_poller(poller), m_timer(new QTimer(this))
{
    setObjectName(u"FreshnessBanner"_s);
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    applyStyle();
    connect(m_poller, &Poller::healthChanged, this, &FreshnessBanner::refresh);
    connect(m_poller, &Poller::pausedChanged, this, &FreshnessBanner::refresh);
    connect(m_poller, &Poller::watchRemoved, this, &FreshnessBanner::refresh);
    connect(m_timer, &QTimer::timeout, this, &FreshnessBanner::refresh);
    m_timer->start(1000);
    refresh();
}

void FreshnessBanner::refresh()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList lines;
    int more = 0;
    if (m_poller->isPaused()) {
        lines << tr("Polling is paused (Space resumes it): every row shows its last poll.");
    } else {
        for (const Watch &w : m_poller->watches()) {
            const WatchHealth health = m_poller->health(w.id);
            // A watch that has not answered yet has no rows to mislead with.
            if (health.state == WatchHealth::State::Starting && !health.paused && !w.paused)
                continue;
            const QString line = freshness::problemSentence(w, health, false, now);
            if (line.isEmpty())
                continue;
            if (lines.size() < MaxLines)
                lines << line;
            else
                ++more;
        }
    }
    if (more > 0)
        lines << tr("… and %n more watch(es).", nullptr, more);
    if (lines == m_lines && isVisible() == !lines.isEmpty())
        return;
    m_lines = lines;
    QStringList html;
    for (const QString &line : std::as_const(lines))
        html << line.toHtmlEscaped();
    setText(lines.isEmpty()
            ? QString()
            : u"<b>%1</b> %2"_s.arg(tr("Not live:").toHtmlEscaped(),
                html.join(u"<br>"_s) + u"<br>"_s
                    + tr("Their rows are dimmed and show the data of the last poll that "
                         "worked.")
                          .toHtmlEscaped()));
    setVisible(!lines.isEmpty());
}

void FreshnessBanner::applyStyle()
{
    // Amber with dark text whatever the theme (the badge colours' rule: readable in light
    // and dark); the text says what is wrong, so the colour is never the only signal.
    setStyleSheet(u"QLabel#FreshnessBanner { background: #fff3cd; color: #533f03; "
                  "border: 1px solid #e0b64c; padding: 4px 8px; border-radius: 3px; }"_s);
}

} // namespace sw
