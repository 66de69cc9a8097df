#include "traynotifier.h"

#include "fleetsummary.h"
#include "statusstyle.h"
#include "workflowtablemodel.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

constexpr UnifiedStatus notifiable[] = {
    UnifiedStatus::Failed, UnifiedStatus::NeedsAttention, UnifiedStatus::Succeeded};

QSystemTrayIcon::MessageIcon messageIcon(UnifiedStatus status)
{
    switch (status) {
    case UnifiedStatus::Failed:
        return QSystemTrayIcon::Critical;
    case UnifiedStatus::NeedsAttention:
        return QSystemTrayIcon::Warning;
    default:
        return QSystemTrayIcon::Information;
    }
}

// Names shown in a grouped message before "and n more".
constexpr int GroupedNames = 4;

} // namespace

TrayNotifier::TrayNotifier(WorkflowTableModel *table, FleetSummary *summary, QObject *parent)
    : QObject(parent), m_table(table), m_summary(summary),
      m_enabled(std::begin(notifiable), std::end(notifiable)), m_flushTimer(new QTimer(this)),
      m_pauseAction(new QAction(tr("Pause polling"), this))
{
    Q_ASSERT(table && summary);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(0);
    connect(m_flushTimer, &QTimer::timeout, this, &TrayNotifier::flush);
    connect(table, &WorkflowTableModel::statusTransition, this, &TrayNotifier::onTransition);
    connect(summary, &FleetSummary::changed, this, &TrayNotifier::updateToolTip);

    m_pauseAction->setCheckable(true);
    m_pauseAction->setIcon(style::actionIcon(u"pause"_s));
    // triggered, not toggled: only the operator's click is news to the application.
    connect(m_pauseAction, &QAction::triggered, this, &TrayNotifier::pauseToggled);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(style::appIcon(), this);
        m_menu = std::make_unique<QMenu>();
        QAction *show = m_menu->addAction(tr("Show Stepwatch"));
        connect(show, &QAction::triggered, this, &TrayNotifier::showWindowRequested);
        m_menu->addAction(m_pauseAction);
        m_menu->addSeparator();
        QAction *quit = m_menu->addAction(tr("Quit"));
        quit->setMenuRole(QAction::QuitRole);
        connect(quit, &QAction::triggered, this, &TrayNotifier::quitRequested);
        m_tray->setContextMenu(m_menu.get());
        connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit showWindowRequested();
            });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::activateLastMessage);
    }
    updateToolTip();
    if (m_tray)
        m_tray->show();
}

TrayNotifier::~TrayNotifier()
{
    // The icon goes before the menu it points to.
    delete m_tray;
    m_tray = nullptr;
}

bool TrayNotifier::shouldNotify(UnifiedStatus to, const QSet<UnifiedStatus> &enabled)
{
    return std::find(std::begin(notifiable), std::end(notifiable), to) != std::end(notifiable)
        && enabled.contains(to);
}

void TrayNotifier::setNotifyOn(UnifiedStatus status, bool on)
{
    if (!shouldNotify(status, {status}))
        return;
    if (on)
        m_enabled.insert(status);
    else
        m_enabled.remove(status);
}

void TrayNotifier::setPausedState(bool paused)
{
    m_pauseAction->setChecked(paused);
}

bool TrayNotifier::pausedState() const
{
    return m_pauseAction->isChecked();
}

QString TrayNotifier::toolTip() const
{
    return m_toolTip;
}

void TrayNotifier::updateToolTip()
{
    m_toolTip = tr("Stepwatch — %1").arg(m_summary->text());
    if (m_tray)
        m_tray->setToolTip(m_toolTip);
}

void TrayNotifier::onTransition(const QString &key, UnifiedStatus, UnifiedStatus to)
{
    if (!shouldNotify(to, m_enabled))
        return;
    // Read now: the snapshot pointer is only good until the next merge.
    Pending p {key, key, {}, to};
    if (const WorkflowSnapshot *w = m_table->workflow(key)) {
        p.name = !w->name.isEmpty() ? w->name : w->id;
        p.body = tr("%1 · %2", "service · watch").arg(serviceDisplayName(w->service), w->watchName);
        if (!w->message.isEmpty())
            p.body += u'\n' + w->message;
    }
    // A workflow that changed twice in the pass is told about once, as it is now.
    m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                        [&key](const Pending &q) { return q.key == key; }),
        m_pending.end());
    m_pending.append(p);
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void TrayNotifier::flush()
{
    const QList<Pending> pending = std::exchange(m_pending, {});
    if (pending.size() <= MaxSingleMessages) {
        for (const Pending &p : pending)
            notify(p.key, tr("%1: %2", "status: workflow").arg(statusDisplayName(p.to), p.name),
                p.body, p.to);
        return;
    }

    QStringList parts;
    UnifiedStatus worst = UnifiedStatus::Succeeded;
    for (UnifiedStatus kind : notifiable) {
        const int n = int(std::count_if(
            pending.cbegin(), pending.cend(), [kind](const Pending &p) { return p.to == kind; }));
        if (n == 0)
            continue;
        if (statusSeverityRank(kind) < statusSeverityRank(worst))
            worst = kind;
        switch (kind) {
        case UnifiedStatus::Failed:
            parts.append(tr("%n workflow(s) failed", nullptr, n));
            break;
        case UnifiedStatus::NeedsAttention:
            parts.append(tr("%n workflow(s) need(s) attention", nullptr, n));
            break;
        default:
            parts.append(tr("%n workflow(s) succeeded", nullptr, n));
            break;
        }
    }
    QStringList names;
    for (int i = 0; i < std::min(int(pending.size()), GroupedNames); ++i)
        names.append(pending.at(i).name);
    QString body = names.join(tr(", ", "between workflow names"));
    if (const int more = int(pending.size()) - GroupedNames; more > 0)
        body = tr("%1 and %n more", nullptr, more).arg(body);
    notify({}, parts.join(tr(", ", "between counts")), body, worst);
}

void TrayNotifier::notify(
    const QString &key, const QString &title, const QString &body, UnifiedStatus to)
{
    m_lastKey = key;
    m_hasShown = true;
    if (m_tray)
        m_tray->showMessage(title, body, messageIcon(to));
    emit notified(key, title, body);
}

void TrayNotifier::activateLastMessage()
{
    if (!m_hasShown)
        return;
    if (m_lastKey.isEmpty())
        emit showWindowRequested();
    else
        emit workflowActivated(m_lastKey);
}

} // namespace sw
