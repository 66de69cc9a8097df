#include "watchdialog.h"

#include "statusstyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

// The regions offered in the list; any other valid name can be typed.
const char *const commonRegions[] = {"us-east-1", "us-east-2", "us-west-1", "us-west-2",
    "ca-central-1", "sa-east-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
    "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1",
    "ap-southeast-2"};

QLineEdit *lineEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

WatchDialog::WatchDialog(const QStringList &profiles, QWidget *parent)
    : QDialog(parent), m_service(new QComboBox(this)), m_name(lineEdit(u"name"_s, {}, this)),
      m_profile(new QComboBox(this)), m_region(new QComboBox(this)),
      m_endpointUrl(lineEdit(
          u"endpointUrl"_s, tr("Resolved from the region; e.g. http://127.0.0.1:4566"), this)),
      m_domainName(lineEdit(u"domainName"_s, tr("The Customer Profiles domain"), this)),
      m_imageBuildVersionArn(lineEdit(u"imageBuildVersionArn"_s,
          tr("arn:aws:imagebuilder:region:account:image/name/1.0.0/1"), this)),
      m_spaceName(lineEdit(u"spaceName"_s, tr("The CodeCatalyst space"), this)),
      m_projectName(lineEdit(u"projectName"_s, tr("The project in that space"), this)),
      m_ids(new QPlainTextEdit(this)), m_interval(new QSpinBox(this)), m_problems(new QLabel(this)),
      m_form(new QFormLayout),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add watch"));
    // A new watch has its id from the start, so watch() and validate() agree between calls.
    m_base.id = Watch::newId();

    m_service->setObjectName(u"service"_s);
    for (int s = 0; s < ServiceCount; ++s)
        m_service->addItem(style::serviceIcon(Service(s)), serviceDisplayName(Service(s)), s);

    m_profile->setObjectName(u"profile"_s);
    m_profile->setEditable(true);
    m_profile->setInsertPolicy(QComboBox::NoInsert);
    m_profile->addItem(tr("(default credentials)"));
    m_profile->addItems(profiles);
    m_profile->setToolTip(tr("The default credentials are the environment variables, then the "
                             "profile named by AWS_PROFILE or \"default\"."));

    m_region->setObjectName(u"region"_s);
    m_region->setEditable(true);
    m_region->setInsertPolicy(QComboBox::NoInsert);
    m_region->addItem(QString());
    for (const char *region : commonRegions)
        m_region->addItem(QLatin1String(region));
    m_region->lineEdit()->setPlaceholderText(tr("The profile's region"));

    m_ids->setObjectName(u"ids"_s);
    m_ids->setTabChangesFocus(true);
    m_ids->setPlaceholderText(tr("Optional: every workflow in the scope when empty. Separate ids "
                                 "with commas, spaces or new lines."));
    m_ids->setMaximumHeight(m_ids->fontMetrics().lineSpacing() * 4
        + 2 * (m_ids->frameWidth() + int(m_ids->document()->documentMargin())));

    m_interval->setObjectName(u"interval"_s);
    m_interval->setRange(1, 24 * 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(m_base.intervalSeconds);
    m_interval->setToolTip(tr("How often running workflows are polled. Finished ones are "
                              "polled rarely, and new ones are looked for every minute."));

    m_form->addRow(tr("&Service:"), m_service);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("&Profile:"), m_profile);
    m_form->addRow(tr("&Region:"), m_region);
    m_form->addRow(tr("&Domain name:"), m_domainName);
    m_form->addRow(tr("Image &build version ARN:"), m_imageBuildVersionArn);
    m_form->addRow(tr("S&pace:"), m_spaceName);
    m_form->addRow(tr("Pro&ject:"), m_projectName);
    m_form->addRow(idsLabel(Service::MigrationHubOrchestrator) + u':', m_ids);
    m_form->addRow(tr("Polling &interval:"), m_interval);

    auto *advanced = new QGroupBox(tr("Advanced"), this);
    auto *advancedForm = new QFormLayout(advanced);
    advancedForm->addRow(tr("&Endpoint URL:"), m_endpointUrl);

    m_problems->setObjectName(u"problems"_s);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette problemPalette = m_problems->palette();
    problemPalette.setColor(
        QPalette::WindowText, style::statusColor(UnifiedStatus::Failed, problemPalette));
    m_problems->setPalette(problemPalette);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(advanced);
    layout->addWidget(m_problems);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &WatchDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &WatchDialog::reject);
    connect(m_service, &QComboBox::currentIndexChanged, this, [this] {
        updateServiceFields();
        validate();
    });
    for (QLineEdit *edit :
        {m_name, m_endpointUrl, m_domainName, m_imageBuildVersionArn, m_spaceName, m_projectName})
        connect(edit, &QLineEdit::textChanged, this, &WatchDialog::validate);
    connect(m_profile, &QComboBox::currentTextChanged, this, &WatchDialog::validate);
    connect(m_region, &QComboBox::currentTextChanged, this, &WatchDialog::validate);
    connect(m_ids, &QPlainTextEdit::textChanged, this, &WatchDialog::validate);
    connect(m_interval, &QSpinBox::valueChanged, this, &WatchDialog::validate);

    updateServiceFields();
    validate();
    m_service->setFocus();
}

WatchDialog::~WatchDialog() = default;

void WatchDialog::setWatch(const Watch &watch)
{
    m_base = watch;
    if (m_base.id.isEmpty())
        m_base.id = Watch::newId();
    setWindowTitle(watch.id.isEmpty() ? tr("Add watch") : tr("Edit watch"));

    m_service->setCurrentIndex(m_service->findData(int(watch.service)));
    m_name->setText(watch.name);
    if (watch.profile.isEmpty())
        m_profile->setCurrentIndex(0);
    else
        m_profile->setCurrentText(watch.profile);
    m_region->setCurrentText(watch.region);
    m_endpointUrl->setText(watch.endpointUrl);
    m_domainName->setText(watch.domainName);
    m_imageBuildVersionArn->setText(watch.imageBuildVersionArn);
    m_spaceName->setText(watch.spaceName);
    m_projectName->setText(watch.projectName);
    m_ids->setPlainText(watch.ids.join(u'\n'));
    m_interval->setValue(watch.intervalSeconds);
    updateServiceFields();
    validate();
}

Watch WatchDialog::watch() const
{
    Watch w = m_base;
    w.service = currentService();
    w.name = m_name->text().trimmed();
    const QString profile = m_profile->currentText().trimmed();
    w.profile = profile == m_profile->itemText(0) ? QString() : profile;
    w.region = m_region->currentText().trimmed();
    w.endpointUrl = m_endpointUrl->text().trimmed();
    // Only the scope the service uses: what was typed for another service before switching
    // would otherwise be saved unseen.
    w.domainName.clear();
    w.imageBuildVersionArn.clear();
    w.spaceName.clear();
    w.projectName.clear();
    switch (w.service) {
    case Service::MigrationHubOrchestrator:
        break;
    case Service::CustomerProfiles:
        w.domainName = m_domainName->text().trimmed();
        break;
    case Service::ImageBuilder:
        w.imageBuildVersionArn = m_imageBuildVersionArn->text().trimmed();
        break;
    case Service::CodeCatalyst:
        w.spaceName = m_spaceName->text().trimmed();
        w.projectName = m_projectName->text().trimmed();
        break;
    }
    w.ids = parseIds(m_ids->toPlainText());
    w.intervalSeconds = m_interval->value();
    return w;
}

QStringList WatchDialog::problems() const
{
    return watch().validate();
}

QStringList WatchDialog::parseIds(const QString &text)
{
    static const QRegularExpression separators(u"[,;\\s]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

QString WatchDialog::idsLabel(Service service)
{
    switch (service) {
    case Service::ImageBuilder:
        return tr("Workflow execution ids");
    case Service::MigrationHubOrchestrator:
    case Service::CustomerProfiles:
    case Service::CodeCatalyst:
        break;
    }
    return tr("Workflow ids");
}

void WatchDialog::accept()
{
    // The OK button is disabled then, but Enter in a field can still get here.
    if (!problems().isEmpty())
        return;
    QDialog::accept();
}

Service WatchDialog::currentService() const
{
    return Service(m_service->currentData().toInt());
}

void WatchDialog::updateServiceFields()
{
    const Service service = currentService();
    m_form->setRowVisible(m_domainName, service == Service::CustomerProfiles);
    m_form->setRowVisible(m_imageBuildVersionArn, service == Service::ImageBuilder);
    m_form->setRowVisible(m_spaceName, service == Service::CodeCatalyst);
    m_form->setRowVisible(m_projectName, service == Service::CodeCatalyst);
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_ids)))
        label->setText(tr("%1:").arg(idsLabel(service)));
    if (service == Service::ImageBuilder)
        m_ids->setToolTip(tr("Workflow execution ids; required when no image build version "
                             "ARN is given."));
    else
        m_ids->setToolTip(tr("Optional: only these workflows instead of every one in the "
                             "scope."));
}

void WatchDialog::validate()
{
    const Watch w = watch();
    Watch unnamed = w;
    unnamed.name.clear();
    m_name->setPlaceholderText(unnamed.displayName());

    const QStringList found = w.validate();
    QStringList lines;
    lines.reserve(found.size());
    for (const QString &problem : found)
        lines << u"• "_s + problem;
    m_problems->setText(lines.join(u'\n'));
    m_problems->setVisible(!found.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(found.isEmpty());
}

} // namespace sw
