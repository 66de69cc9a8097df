#include "detailspane.h"

#include "statusstyle.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

// The same form the step details use, so times of a workflow and its steps compare at a glance.
QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString scopeLabel(Service service)
{
    switch (service) {
    case Service::MigrationHubOrchestrator:
        return DetailsPane::tr("Region");
    case Service::CustomerProfiles:
        return DetailsPane::tr("Domain");
    case Service::ImageBuilder:
        return DetailsPane::tr("Image build version");
    case Service::CodeCatalyst:
        return DetailsPane::tr("Space / project");
    }
    return DetailsPane::tr("Scope");
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_reason(new QLabel(this)),
      m_freshness(new QLabel(this)), m_copy(new QToolButton(this)), m_view(new QTextEdit(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setTextFormat(Qt::PlainText);
    for (QLabel *label : {m_reason, m_freshness}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setTextFormat(Qt::PlainText);
        label->setContentsMargins(4, 0, 4, 2);
        label->setVisible(false);
    }
    m_reason->setObjectName(u"DetailsReason"_s);
    m_freshness->setObjectName(u"DetailsFreshness"_s);

    m_copy->setIcon(style::actionIcon(u"copy"_s, u"edit-copy"_s));
    m_copy->setToolTip(tr("Copy all fields"));
    m_copy->setAutoRaise(true);
    m_copy->setEnabled(false);
    connect(m_copy, &QToolButton::clicked, this, &DetailsPane::copyAll);

    m_view->setReadOnly(true);
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_view->setLineWrapMode(QTextEdit::WidgetWidth);
    // ARNs and JSON strings have no spaces to break at.
    m_view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_view->setPlaceholderText(tr("Select a workflow or step to see its details."));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->installEventFilter(this);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = m_view->createStandardContextMenu(pos);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addSeparator();
        QAction *all = menu->addAction(m_copy->icon(), tr("Copy all fields"));
        all->setEnabled(!isEmpty());
        connect(all, &QAction::triggered, this, &DetailsPane::copyAll);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });

    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 2, 0, 2);
    header->addWidget(m_title, 1);
    header->addWidget(m_copy, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_reason);
    layout->addWidget(m_freshness);
    layout->addWidget(m_view, 1);

    setFocusProxy(m_view);
    clear();
}

DetailsPane::~DetailsPane() = default;

QString DetailsPane::displayValue(const QString &value, bool *isJson)
{
    if (isJson)
        *isJson = false;
    const QString trimmed = value.trimmed();
    if (!trimmed.startsWith(u'{') && !trimmed.startsWith(u'['))
        return value;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return value;
    if (isJson)
        *isJson = true;
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

void DetailsPane::addField(QList<Field> &fields, const QString &name, const QString &value)
{
    if (value.isEmpty())
        return;
    Field field {name, {}, false};
    field.value = displayValue(value, &field.json);
    fields.append(field);
}

void DetailsPane::showStep(const QString &title, const QVariantList &fields)
{
    QList<Field> list;
    for (const QVariant &item : fields) {
        const QVariantMap map = item.toMap();
        addField(list, map.value(u"name"_s).toString(), map.value(u"value"_s).toString());
    }
    showFields(title, std::move(list));
    setReason({}, false); // a step's message is among its fields
}

void DetailsPane::showWorkflow(const WorkflowSnapshot &w)
{
    QList<Field> list;
    addField(list, tr("Name"), w.name);
    addField(list, tr("Id"), w.id);
    addField(list, tr("ARN"), w.arn);
    addField(list, tr("Service"), serviceDisplayName(w.service));
    addField(list, scopeLabel(w.service), w.scope);
    addField(list, tr("Watch"), w.watchName);
    addField(list, tr("Status"), statusDisplayName(w.status));
    addField(list, tr("Service status"), w.rawStatus);
    if (w.completedSteps && w.totalSteps) {
        addField(list, tr("Progress"),
            tr("%1 / %2", "steps done / steps")
                .arg(QString::number(*w.completedSteps), QString::number(*w.totalSteps)));
    } else if (w.completedSteps) {
        addField(list, tr("Progress"), QString::number(*w.completedSteps));
    }
    addField(list, tr("Start"), isoTime(w.start));
    addField(list, tr("Last update"), isoTime(w.lastUpdate));
    addField(list, tr("End"), isoTime(w.end));
    addField(list, tr("Message"), w.message);
    if (w.recordsProcessed)
        addField(list, tr("Records processed"), QString::number(*w.recordsProcessed));
    for (const DetailField &field : w.details)
        addField(list, field.name, field.value);
    showFields(w.name.isEmpty() ? w.id : w.name, std::move(list));
    // What the operator needs first, without scrolling: the step that failed (or waits) and
    // what it said, else the workflow's own message when it is in trouble.
    const StepSnapshot *step =
        w.status == UnifiedStatus::Succeeded ? nullptr : w.stepNeedingAttention();
    if (step) {
        const bool failed = step->status == UnifiedStatus::Failed;
        const bool run = step->kind == StepKind::CodeCatalystRun;
        const QString name = run ? step->id : step->name;
        const QString what = failed
            ? (run ? tr("Failed run: %1") : tr("Failed step: %1")).arg(name)
            : (run ? tr("Waiting run: %1") : tr("Waiting step: %1")).arg(name);
        setReason(step->message.isEmpty() ? what : what + u" — "_s + step->message, failed);
    } else if (w.status == UnifiedStatus::Failed || w.status == UnifiedStatus::NeedsAttention) {
        setReason(w.reason(), w.status == UnifiedStatus::Failed);
    } else {
        setReason({}, false);
    }
}

void DetailsPane::clear()
{
    showFields({}, {});
    setReason({}, false);
    setFreshness({}, false);
}

void DetailsPane::setReason(const QString &text, bool failed)
{
    m_reason->setText(text);
    m_reason->setVisible(!text.isEmpty());
    m_reasonFailed = failed;
    applyReasonColour();
}

void DetailsPane::applyReasonColour()
{
    // From the pane's palette each time it changes, so a theme switch recolours it at once.
    QPalette p = palette();
    if (m_reasonFailed)
        p.setColor(QPalette::WindowText, style::statusColor(UnifiedStatus::Failed, palette()));
    m_reason->setPalette(p);
}

QString DetailsPane::reasonText() const
{
    return m_reason->text();
}

void DetailsPane::setFreshness(const QString &text, bool stale)
{
    if (text == m_freshness->text() && stale == m_stale)
        return;
    m_stale = stale;
    m_freshness->setText(text);
    m_freshness->setVisible(!text.isEmpty());
    // Stale: the warning the banner uses; fresh: quiet.
    m_freshness->setStyleSheet(stale
            ? u"QLabel#DetailsFreshness { background: #fff3cd; color: #533f03; }"_s
            : u"QLabel#DetailsFreshness { color: palette(mid); }"_s);
}

QString DetailsPane::freshnessText() const
{
    return m_freshness->text();
}

void DetailsPane::showFields(const QString &title, QList<Field> fields)
{
    // Every poll of the selected workflow shows it again: only a change may redraw, or the
    // operator's text selection would vanish every few seconds.
    if (title == m_titleText && fields == m_fields && !m_fields.isEmpty())
        return;
    m_titleText = title;
    m_fields = std::move(fields);
    m_title->setText(m_titleText);
    m_title->setVisible(!m_titleText.isEmpty());
    m_copy->setEnabled(!m_fields.isEmpty());
    render();
}

void DetailsPane::render()
{
    if (m_fields.isEmpty()) {
        m_view->clear();
        return;
    }
    const QString fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    QString html = u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">"_s;
    for (const Field &field : std::as_const(m_fields)) {
        QString valueStyle = u"white-space: pre-wrap;"_s;
        if (field.json)
            valueStyle += u" font-family: '%1';"_s.arg(fixed);
        html += u"<tr><td valign=\"top\" style=\"white-space: nowrap;\"><b>%1</b></td>"
                "<td valign=\"top\" width=\"100%\" style=\"%2\">%3</td></tr>"_s.arg(
                    field.name.toHtmlEscaped(), valueStyle, field.value.toHtmlEscaped());
    }
    html += u"</table>"_s;
    // Keep the reader's place when the same item is shown again after a poll.
    const int scroll = m_view->verticalScrollBar()->value();
    m_view->setHtml(html);
    m_view->verticalScrollBar()->setValue(scroll);
}

QString DetailsPane::plainText() const
{
    if (m_fields.isEmpty())
        return m_view->placeholderText();
    QStringList lines;
    for (const Field &field : std::as_const(m_fields))
        lines.append(field.name + u": "_s + field.value);
    return lines.join(u'\n');
}

QString DetailsPane::title() const
{
    return m_titleText;
}

void DetailsPane::copyAll()
{
    if (!m_fields.isEmpty())
        QApplication::clipboard()->setText(plainText());
}

bool DetailsPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view
        && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) && !m_view->textCursor().hasSelection()) {
            // Claim Ctrl+C from window-wide shortcuts, then copy everything on the press.
            event->accept();
            if (event->type() == QEvent::KeyPress)
                copyAll();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DetailsPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        render();
    if (event->type() == QEvent::PaletteChange)
        applyReasonColour();
}

} // namespace sw
