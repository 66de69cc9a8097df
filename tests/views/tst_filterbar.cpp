// The filter bar driven like an operator drives it (typing, clicking, Tab, Escape) over a real
// WorkflowFilterProxy: every control sets its filter on the proxy, the bar follows changes made
// elsewhere, and its state survives a round trip through saveState/restoreState.
#include "filterbar.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace sw;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(sw::UnifiedStatus)

class TstFilterBar : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void typingSetsTextFilter();
    void escapeClearsSearch();
    void statusChips_data();
    void statusChips();
    void serviceToggles();
    void needsAttentionSwitch();
    void clearFilters();
    void followsTheProxy();
    void saveAndRestore();
    void focusSearch();
    void tabReachesEveryControl();

private:
    QToolButton *button(const QString &name) const;
    QLineEdit *search() const;

    WorkflowTableModel *m_model = nullptr;
    WorkflowFilterProxy *m_proxy = nullptr;
    FilterBar *m_bar = nullptr;
};

void TstFilterBar::init()
{
    m_model = new WorkflowTableModel(this);
    m_proxy = new WorkflowFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_bar = new FilterBar(m_proxy);
    m_bar->resize(1200, m_bar->sizeHint().height());
    m_bar->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_bar));
}

void TstFilterBar::cleanup()
{
    delete m_bar;
    delete m_proxy;
    delete m_model;
}

QToolButton *TstFilterBar::button(const QString &name) const
{
    auto *b = m_bar->findChild<QToolButton *>(name);
    if (!b)
        qWarning("no button %s", qPrintable(name));
    return b;
}

QLineEdit *TstFilterBar::search() const
{
    return m_bar->findChild<QLineEdit *>(u"search"_s);
}

void TstFilterBar::typingSetsTextFilter()
{
    QVERIFY(search());
    QVERIFY(search()->isClearButtonEnabled());
    QVERIFY(search()->placeholderText().contains(u"( / )"_s));
    QSignalSpy changed(m_bar, &FilterBar::changed);
    QVERIFY(!button(u"clearButton"_s)->isEnabled());
    QTest::keyClicks(search(), u"deploy eu"_s);
    QCOMPARE(m_proxy->textFilter(), u"deploy eu"_s);
    QCOMPARE(m_bar->saveState().value(u"text"_s).toString(), u"deploy eu"_s);
    QVERIFY(button(u"clearButton"_s)->isEnabled());
    QCOMPARE(changed.size(), 9); // one per key, the blank included
    QTest::keyClick(search(), Qt::Key_Backspace);
    QCOMPARE(m_proxy->textFilter(), u"deploy e"_s);
}

void TstFilterBar::escapeClearsSearch()
{
    m_bar->focusSearch();
    QTest::keyClicks(search(), u"failed"_s);
    QCOMPARE(m_proxy->textFilter(), u"failed"_s);
    QTest::keyClick(search(), Qt::Key_Escape);
    QCOMPARE(search()->text(), QString());
    QCOMPARE(m_proxy->textFilter(), QString());
    QVERIFY(!button(u"clearButton"_s)->isEnabled());
}

void TstFilterBar::statusChips_data()
{
    QTest::addColumn<UnifiedStatus>("status");
    for (const UnifiedStatus status : FilterBar::chipStatuses())
        QTest::newRow(qPrintable(statusKey(status))) << status;
}

void TstFilterBar::statusChips()
{
    QFETCH(UnifiedStatus, status);
    QCOMPARE(FilterBar::chipStatuses().size(), 7);
    QToolButton *chip = button(u"statusChip-"_s + statusKey(status));
    QVERIFY(chip);
    QVERIFY(chip->isCheckable());
    QCOMPARE(chip->text(), statusDisplayName(status));
    QVERIFY(!chip->icon().isNull());
    QTest::mouseClick(chip, Qt::LeftButton);
    QVERIFY(chip->isChecked());
    QCOMPARE(m_proxy->statusFilter(), QSet<UnifiedStatus> {status});

    // A second chip adds to the first.
    const UnifiedStatus other =
        status == UnifiedStatus::Failed ? UnifiedStatus::Running : UnifiedStatus::Failed;
    QTest::mouseClick(button(u"statusChip-"_s + statusKey(other)), Qt::LeftButton);
    QCOMPARE(m_proxy->statusFilter(), (QSet<UnifiedStatus> {status, other}));
    QVERIFY(button(u"clearButton"_s)->isEnabled());

    // Unchecking both: no chip means every status.
    QTest::mouseClick(chip, Qt::LeftButton);
    QTest::mouseClick(button(u"statusChip-"_s + statusKey(other)), Qt::LeftButton);
    QVERIFY(m_proxy->statusFilter().isEmpty());
    QVERIFY(!button(u"clearButton"_s)->isEnabled());
}

void TstFilterBar::serviceToggles()
{
    for (int i = 0; i < ServiceCount; ++i) {
        QToolButton *toggle = button(u"serviceToggle-"_s + serviceId(Service(i)));
        QVERIFY(toggle);
        QVERIFY(toggle->isCheckable());
        QVERIFY(!toggle->icon().isNull());
        QVERIFY(toggle->toolTip().contains(serviceDisplayName(Service(i))));
        QCOMPARE(toggle->accessibleName(), serviceDisplayName(Service(i)));
    }
    QToolButton *imageBuilder = button(u"serviceToggle-imagebuilder"_s);
    QToolButton *codeCatalyst = button(u"serviceToggle-codecatalyst"_s);
    QTest::mouseClick(imageBuilder, Qt::LeftButton);
    QCOMPARE(m_proxy->serviceFilter(), QSet<Service> {Service::ImageBuilder});
    QTest::mouseClick(codeCatalyst, Qt::LeftButton);
    QCOMPARE(
        m_proxy->serviceFilter(), (QSet<Service> {Service::ImageBuilder, Service::CodeCatalyst}));
    QTest::mouseClick(imageBuilder, Qt::LeftButton);
    QCOMPARE(m_proxy->serviceFilter(), QSet<Service> {Service::CodeCatalyst});
    QCOMPARE(
        m_bar->saveState().value(u"services"_s).toStringList(), QStringList {u"codecatalyst"_s});
}

void TstFilterBar::needsAttentionSwitch()
{
    QToolButton *all = button(u"allButton"_s);
    QToolButton *attention = button(u"attentionButton"_s);
    QVERIFY(all->isChecked());
    QVERIFY(!attention->isChecked());
    m_bar->setAttentionCount(5);
    QCOMPARE(m_bar->attentionCount(), 5);
    QCOMPARE(attention->text(), u"Needs attention (5)"_s);
    m_bar->setAttentionCount(0);
    QCOMPARE(attention->text(), u"Needs attention (0)"_s);

    QTest::mouseClick(attention, Qt::LeftButton);
    QVERIFY(m_proxy->needsAttentionOnly());
    QVERIFY(attention->isChecked());
    QVERIFY(!all->isChecked());
    QVERIFY(button(u"clearButton"_s)->isEnabled());
    // Clicking the checked side again changes nothing: it is a switch, not a toggle.
    QTest::mouseClick(attention, Qt::LeftButton);
    QVERIFY(m_proxy->needsAttentionOnly());
    QTest::mouseClick(all, Qt::LeftButton);
    QVERIFY(!m_proxy->needsAttentionOnly());
    QVERIFY(!attention->isChecked());
}

void TstFilterBar::clearFilters()
{
    QTest::keyClicks(search(), u"eu-west"_s);
    QTest::mouseClick(button(u"statusChip-failed"_s), Qt::LeftButton);
    QTest::mouseClick(button(u"serviceToggle-customer-profiles"_s), Qt::LeftButton);
    QTest::mouseClick(button(u"attentionButton"_s), Qt::LeftButton);
    m_proxy->setWatchFilter({u"w"_s});
    QVERIFY(m_bar->hasFilters());
    QToolButton *clear = button(u"clearButton"_s);
    QVERIFY(clear->isEnabled());

    QSignalSpy changed(m_bar, &FilterBar::changed);
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(m_proxy->textFilter(), QString());
    QVERIFY(m_proxy->statusFilter().isEmpty());
    QVERIFY(m_proxy->serviceFilter().isEmpty());
    QVERIFY(!m_proxy->needsAttentionOnly());
    // The watch filter belongs to the sources pane, not to the bar.
    QCOMPARE(m_proxy->watchFilter(), QSet<QString> {u"w"_s});
    QCOMPARE(search()->text(), QString());
    QVERIFY(!button(u"statusChip-failed"_s)->isChecked());
    QVERIFY(!button(u"serviceToggle-customer-profiles"_s)->isChecked());
    QVERIFY(button(u"allButton"_s)->isChecked());
    QVERIFY(!clear->isEnabled());
    QVERIFY(!m_bar->hasFilters());
}

void TstFilterBar::followsTheProxy()
{
    QSignalSpy changed(m_bar, &FilterBar::changed);
    m_proxy->setStatusFilter({UnifiedStatus::Paused});
    QVERIFY(button(u"statusChip-paused"_s)->isChecked());
    m_proxy->setNeedsAttentionOnly(true);
    QVERIFY(button(u"attentionButton"_s)->isChecked());
    m_proxy->setTextFilter(u"nightly"_s);
    QCOMPARE(search()->text(), u"nightly"_s);
    QCOMPARE(changed.size(), 3);
    // A filter the bar does not show is no change of its state.
    m_proxy->setWatchFilter({u"w"_s});
    QCOMPARE(changed.size(), 3);
}

void TstFilterBar::saveAndRestore()
{
    QTest::keyClicks(search(), u"build 42"_s);
    QTest::mouseClick(button(u"statusChip-needs-attention"_s), Qt::LeftButton);
    QTest::mouseClick(button(u"statusChip-failed"_s), Qt::LeftButton);
    QTest::mouseClick(button(u"serviceToggle-migrationhuborchestrator"_s), Qt::LeftButton);
    QTest::mouseClick(button(u"attentionButton"_s), Qt::LeftButton);
    const QVariantMap state = m_bar->saveState();
    QCOMPARE(state.value(u"text"_s).toString(), u"build 42"_s);
    QCOMPARE(state.value(u"statuses"_s).toStringList(),
        (QStringList {u"failed"_s, u"needs-attention"_s}));
    QCOMPARE(
        state.value(u"services"_s).toStringList(), QStringList {u"migrationhuborchestrator"_s});
    QCOMPARE(state.value(u"needsAttentionOnly"_s).toBool(), true);

    WorkflowFilterProxy otherProxy;
    otherProxy.setSourceModel(m_model);
    FilterBar other(&otherProxy);
    QSignalSpy changed(&other, &FilterBar::changed);
    other.restoreState(state);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(other.saveState(), state);
    QCOMPARE(otherProxy.textFilter(), u"build 42"_s);
    QCOMPARE(otherProxy.statusFilter(),
        (QSet<UnifiedStatus> {UnifiedStatus::Failed, UnifiedStatus::NeedsAttention}));
    QCOMPARE(otherProxy.serviceFilter(), QSet<Service> {Service::MigrationHubOrchestrator});
    QVERIFY(otherProxy.needsAttentionOnly());
    QCOMPARE(other.findChild<QLineEdit *>(u"search"_s)->text(), u"build 42"_s);
    QVERIFY(other.findChild<QToolButton *>(u"statusChip-failed"_s)->isChecked());
    QVERIFY(!other.findChild<QToolButton *>(u"statusChip-running"_s)->isChecked());
    QVERIFY(other.findChild<QToolButton *>(u"attentionButton"_s)->isChecked());

    // Unknown values are skipped, missing keys clear.
    other.restoreState({{u"statuses"_s, QStringList {u"bogus"_s, u"running"_s}},
        {u"services"_s, QStringList {u"lambda"_s}}});
    QCOMPARE(otherProxy.statusFilter(), QSet<UnifiedStatus> {UnifiedStatus::Running});
    QVERIFY(otherProxy.serviceFilter().isEmpty());
    QCOMPARE(otherProxy.textFilter(), QString());
    QVERIFY(!otherProxy.needsAttentionOnly());
    other.restoreState({});
    QVERIFY(!other.hasFilters());
}

void TstFilterBar::focusSearch()
{
    QTest::keyClicks(search(), u"abc"_s);
    button(u"statusChip-running"_s)->setFocus();
    m_bar->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_bar));
    QVERIFY(!search()->hasFocus());
    m_bar->focusSearch();
    QTRY_VERIFY(search()->hasFocus());
    QCOMPARE(search()->selectedText(), u"abc"_s);
    // Typing replaces the selected text.
    QTest::keyClicks(search(), u"x"_s);
    QCOMPARE(m_proxy->textFilter(), u"x"_s);
}

void TstFilterBar::tabReachesEveryControl()
{
    m_bar->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_bar));
    m_bar->focusSearch();
    QTRY_VERIFY(search()->hasFocus());
    QSet<QString> reached {search()->objectName()};
    for (int i = 0; i < 20; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        if (QApplication::focusWidget() == search())
            break;
        reached.insert(QApplication::focusWidget()->objectName());
    }
    QSet<QString> expected {u"search"_s, u"allButton"_s, u"attentionButton"_s, u"clearButton"_s};
    for (const UnifiedStatus status : FilterBar::chipStatuses())
        expected.insert(u"statusChip-"_s + statusKey(status));
    for (int i = 0; i < ServiceCount; ++i)
        expected.insert(u"serviceToggle-"_s + serviceId(Service(i)));
    // The clear button is disabled without filters, so it is skipped; the switch is one tab
    // stop, like a radio group, its checked side taking the focus.
    expected.remove(u"clearButton"_s);
    expected.remove(u"attentionButton"_s);
    QCOMPARE(reached, expected);

    // The arrow keys move across the switch and flip it.
    QToolButton *all = button(u"allButton"_s);
    all->setFocus();
    QTest::keyClick(all, Qt::Key_Right);
    QVERIFY(button(u"attentionButton"_s)->hasFocus());
    QVERIFY(button(u"attentionButton"_s)->isChecked());
    QVERIFY(m_proxy->needsAttentionOnly());
    QTest::keyClick(button(u"attentionButton"_s), Qt::Key_Left);
    QVERIFY(all->isChecked());
    QVERIFY(!m_proxy->needsAttentionOnly());

    // Space toggles a chip from the keyboard.
    QToolButton *failed = button(u"statusChip-failed"_s);
    failed->setFocus();
    QTest::keyClick(failed, Qt::Key_Space);
    QCOMPARE(m_proxy->statusFilter(), QSet<UnifiedStatus> {UnifiedStatus::Failed});
}

QTEST_MAIN(TstFilterBar)
#include "tst_filterbar.moc"
