#include "filterbar.h"

#include "flowlayout.h"
#include "statusstyle.h"
#include "workflowfilterproxy.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

const QString TextKey = u"text"_s;
const QString StatusesKey = u"statuses"_s;
const QString ServicesKey = u"services"_s;
const QString NeedsAttentionKey = u"needsAttentionOnly"_s;

QToolButton *toggleButton(QWidget *parent, const QString &text, const QIcon &icon)
{
    auto *button = new QToolButton(parent);
    button->setCheckable(true);
    button->setText(text);
    button->setIcon(icon);
    button->setToolButtonStyle(
        text.isEmpty() ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
    button->setFocusPolicy(Qt::StrongFocus);
    return button;
}

bool isEscape(QEvent *event)
{
    return (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape
        && static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier;
}

} // namespace

FilterBar::FilterBar(WorkflowFilterProxy *proxy, QWidget *parent) : QWidget(parent), m_proxy(proxy)
{
    Q_ASSERT(proxy);
    buildUi();
    connect(m_proxy, &WorkflowFilterProxy::filterChanged, this, &FilterBar::syncFromProxy);
    syncFromProxy();
}

FilterBar::~FilterBar() = default;

QList<UnifiedStatus> FilterBar::chipStatuses()
{
    return {UnifiedStatus::Failed, UnifiedStatus::NeedsAttention, UnifiedStatus::Running,
        UnifiedStatus::Pending, UnifiedStatus::Paused, UnifiedStatus::Succeeded,
        UnifiedStatus::Cancelled};
}

void FilterBar::buildUi()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Filter: name, id, status, message…  ( / )"));
    m_search->setAccessibleName(tr("Filter workflows"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(style::actionIcon(u"filter"_s), QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_syncing)
            return;
        m_proxy->setTextFilter(text);
        // A change of blanks only does not re-filter, so the proxy may not say so.
        syncFromProxy();
    });

    m_all = toggleButton(this, tr("All"), {});
    m_all->setObjectName(u"allButton"_s);
    m_all->setToolTip(tr("Show the workflows of every status"));
    m_attention = toggleButton(this, {}, style::actionIcon(u"attention"_s));
    m_attention->setObjectName(u"attentionButton"_s);
    m_attention->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_attention->setToolTip(
        tr("Show only what needs a hand: failed workflows and those waiting for an operator, "
           "across all services"));
    m_switch = new QButtonGroup(this);
    m_switch->setExclusive(true);
    m_switch->addButton(m_all);
    m_switch->addButton(m_attention);
    m_all->setChecked(true);
    connect(m_attention, &QToolButton::toggled, this, [this](bool on) {
        if (m_syncing)
            return;
        m_proxy->setNeedsAttentionOnly(on);
        syncFromProxy();
    });
    updateAttentionLabel();

    m_clear = new QToolButton(this);
    m_clear->setObjectName(u"clearButton"_s);
    m_clear->setText(tr("Clear filters"));
    m_clear->setFocusPolicy(Qt::StrongFocus);
    connect(m_clear, &QToolButton::clicked, this, &FilterBar::clearFilters);

    auto *top = new QHBoxLayout;
    top->setSpacing(4);
    top->addWidget(m_search, 1);
    top->addSpacing(8);
    top->addWidget(m_all);
    top->addWidget(m_attention);
    top->addSpacing(8);
    top->addWidget(m_clear);

    // The chips wrap onto a second line in a narrow window instead of widening it.
    auto *bottom = new FlowLayout(nullptr, 2, 2);
    auto *statusLabel = new QLabel(tr("Status:"), this);
    bottom->addWidget(statusLabel);
    QList<QWidget *> tabChain {m_search, m_all, m_attention, m_clear};
    for (const UnifiedStatus status : chipStatuses()) {
        QToolButton *chip =
            toggleButton(this, statusDisplayName(status), style::statusIcon(status));
        chip->setObjectName(u"statusChip-"_s + statusKey(status));
        chip->setAutoRaise(true);
        chip->setToolTip(
            tr("Show %1 workflows; check several to combine them").arg(statusDisplayName(status)));
        connect(chip, &QToolButton::toggled, this, &FilterBar::applyChips);
        m_chips.insert(status, chip);
        bottom->addWidget(chip);
        tabChain.append(chip);
    }
    auto *serviceLabel = new QLabel(tr("Services:"), this);
    serviceLabel->setContentsMargins(12, 0, 0, 0);
    bottom->addWidget(serviceLabel);
    for (int i = 0; i < ServiceCount; ++i) {
        const auto service = Service(i);
        QToolButton *toggle = toggleButton(this, {}, style::serviceIcon(service));
        toggle->setObjectName(u"serviceToggle-"_s + serviceId(service));
        toggle->setAutoRaise(true);
        toggle->setAccessibleName(serviceDisplayName(service));
        toggle->setToolTip(tr("Show %1 workflows; check several to combine them")
                               .arg(serviceDisplayName(service)));
        connect(toggle, &QToolButton::toggled, this, &FilterBar::applyServices);
        m_services.insert(service, toggle);
        bottom->addWidget(toggle);
        tabChain.append(toggle);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addLayout(bottom);

    for (qsizetype i = 1; i < tabChain.size(); ++i)
        setTabOrder(tabChain.at(i - 1), tabChain.at(i));
    setFocusProxy(m_search);
}

void FilterBar::setAttentionCount(int n)
{
    if (n == m_attentionCount)
        return;
    m_attentionCount = n;
    updateAttentionLabel();
}

void FilterBar::updateAttentionLabel()
{
    m_attention->setText(tr("Needs attention (%n)", nullptr, m_attentionCount));
}

bool FilterBar::hasFilters() const
{
    return !m_proxy->textFilter().isEmpty() || !m_proxy->statusFilter().isEmpty()
        || !m_proxy->serviceFilter().isEmpty() || m_proxy->needsAttentionOnly();
}

void FilterBar::clearFilters()
{
    m_proxy->setTextFilter({});
    m_proxy->setStatusFilter({});
    m_proxy->setServiceFilter({});
    m_proxy->setNeedsAttentionOnly(false);
    syncFromProxy();
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::applyChips()
{
    if (m_syncing)
        return;
    QSet<UnifiedStatus> statuses;
    for (auto it = m_chips.cbegin(); it != m_chips.cend(); ++it) {
        if (it.value()->isChecked())
            statuses.insert(it.key());
    }
    m_proxy->setStatusFilter(statuses);
    syncFromProxy();
}

void FilterBar::applyServices()
{
    if (m_syncing)
        return;
    QSet<Service> services;
    for (auto it = m_services.cbegin(); it != m_services.cend(); ++it) {
        if (it.value()->isChecked())
            services.insert(it.key());
    }
    m_proxy->setServiceFilter(services);
    syncFromProxy();
}

void FilterBar::syncFromProxy()
{
    m_syncing = true;
    if (m_search->text() != m_proxy->textFilter())
        m_search->setText(m_proxy->textFilter());
    (m_proxy->needsAttentionOnly() ? m_attention : m_all)->setChecked(true);
    const QSet<UnifiedStatus> statuses = m_proxy->statusFilter();
    for (auto it = m_chips.cbegin(); it != m_chips.cend(); ++it)
        it.value()->setChecked(statuses.contains(it.key()));
    const QSet<Service> services = m_proxy->serviceFilter();
    for (auto it = m_services.cbegin(); it != m_services.cend(); ++it)
        it.value()->setChecked(services.contains(it.key()));
    m_syncing = false;

    m_clear->setEnabled(hasFilters());
    QVariantMap state = saveState();
    if (state != m_lastState) {
        m_lastState = std::move(state);
        emit changed();
    }
}

QVariantMap FilterBar::saveState() const
{
    // In enum order, so that equal filters give equal maps.
    QStringList statuses;
    for (int i = 0; i < UnifiedStatusCount; ++i) {
        if (m_proxy->statusFilter().contains(UnifiedStatus(i)))
            statuses.append(statusKey(UnifiedStatus(i)));
    }
    QStringList services;
    for (int i = 0; i < ServiceCount; ++i) {
        if (m_proxy->serviceFilter().contains(Service(i)))
            services.append(serviceId(Service(i)));
    }
    return {
        {TextKey, m_proxy->textFilter()},
        {StatusesKey, statuses},
        {ServicesKey, services},
        {NeedsAttentionKey, m_proxy->needsAttentionOnly()},
    };
}

void FilterBar::restoreState(const QVariantMap &state)
{
    QSet<UnifiedStatus> statuses;
    for (const QString &key : state.value(StatusesKey).toStringList()) {
        if (const auto status = statusFromKey(key))
            statuses.insert(*status);
    }
    QSet<Service> services;
    for (const QString &id : state.value(ServicesKey).toStringList()) {
        if (const auto service = serviceFromId(id))
            services.insert(*service);
    }
    m_proxy->setTextFilter(state.value(TextKey).toString());
    m_proxy->setStatusFilter(statuses);
    m_proxy->setServiceFilter(services);
    m_proxy->setNeedsAttentionOnly(state.value(NeedsAttentionKey).toBool());
    syncFromProxy();
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    // Escape clears the search first; with nothing to clear it goes on to the window (a dialog
    // may close on it).
    if (watched == m_search && isEscape(event) && !m_search->text().isEmpty()) {
        event->accept();
        if (event->type() == QEvent::KeyPress)
            m_search->clear();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace sw
