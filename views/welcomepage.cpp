#include "welcomepage.h"

#include "statusstyle.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

QPushButton *bigButton(const QIcon &icon, const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(icon, text, parent);
    QFont font = button->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    button->setFont(font);
    const int height = button->fontMetrics().height();
    button->setIconSize(QSize(height, height));
    button->setMinimumHeight(height * 5 / 2);
    button->setMinimumWidth(button->fontMetrics().horizontalAdvance(text) + height * 5);
    return button;
}

} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent), m_demo(bigButton(style::actionIcon(u"demo"_s), tr("Try the demo"), this)),
      m_add(bigButton(style::actionIcon(u"add"_s), tr("Add a watch…"), this)),
      m_notice(new QFrame(this)), m_noticeText(new QLabel(m_notice)),
      m_detailsToggle(new QToolButton(m_notice)), m_details(new QLabel(m_notice))
{
    m_demo->setObjectName(u"demo"_s);
    m_add->setObjectName(u"addWatch"_s);
    // Enter starts the demo: the one step that works without any setup.
    m_demo->setDefault(true);
    m_demo->setToolTip(tr("Starts a simulator of the four services inside Stepwatch and watches "
                          "it."));
    m_add->setToolTip(tr("Watch workflows of your AWS account."));

    auto *icon = new QLabel(this);
    const int iconSize = fontMetrics().height() * 6;
    icon->setPixmap(style::appIcon().pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("Welcome to Stepwatch"), this);
    title->setObjectName(u"title"_s);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto *about = new QLabel(
        tr("Stepwatch keeps an eye on long-running AWS workflows: Migration Hub Orchestrator "
           "migrations, Customer Profiles imports, Image Builder pipelines and CodeCatalyst "
           "runs, side by side. See what runs, what failed and what waits for you, follow each "
           "step on a timeline, and retry or resume from here."),
        this);
    about->setWordWrap(true);
    about->setAlignment(Qt::AlignCenter);

    auto *demoNote = new QLabel(tr("The demo runs a built-in simulator of the four services on "
                                   "this computer. It needs no AWS account and sends nothing to "
                                   "AWS."),
        this);
    demoNote->setObjectName(u"demoNote"_s);
    demoNote->setWordWrap(true);
    demoNote->setAlignment(Qt::AlignCenter);
    demoNote->setForegroundRole(QPalette::PlaceholderText);

    m_notice->setObjectName(u"credentialsNotice"_s);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setAutoFillBackground(true);
    // The tint blended over the window colour by hand: a translucent fill would depend on
    // what the parent happens to paint below it.
    QPalette noticePalette = m_notice->palette();
    const QColor window = noticePalette.color(QPalette::Window);
    const QColor tint = style::statusTint(UnifiedStatus::NeedsAttention, noticePalette);
    const qreal a = tint.alphaF();
    noticePalette.setColor(QPalette::Window,
        QColor::fromRgbF(float(window.redF() * (1 - a) + tint.redF() * a),
            float(window.greenF() * (1 - a) + tint.greenF() * a),
            float(window.blueF() * (1 - a) + tint.blueF() * a)));
    m_notice->setPalette(noticePalette);
    auto *noticeIcon = new QLabel(m_notice);
    const int small = fontMetrics().height() * 3 / 2;
    noticeIcon->setPixmap(style::actionIcon(u"attention"_s).pixmap(small, small));
    noticeIcon->setAlignment(Qt::AlignTop);
    m_noticeText->setObjectName(u"credentialsNoticeText"_s);
    m_noticeText->setWordWrap(true);
    m_noticeText->setTextFormat(Qt::PlainText);
    m_noticeText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsToggle->setObjectName(u"credentialsDetailsToggle"_s);
    m_detailsToggle->setText(tr("Show where I looked"));
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setAutoRaise(true);
    m_detailsToggle->setArrowType(Qt::RightArrow);
    m_detailsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_details->setObjectName(u"credentialsDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->hide();
    connect(m_detailsToggle, &QToolButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        m_detailsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_detailsToggle->setText(on ? tr("Hide where I looked") : tr("Show where I looked"));
    });
    auto *noticeText = new QVBoxLayout;
    noticeText->addWidget(m_noticeText);
    noticeText->addWidget(m_detailsToggle, 0, Qt::AlignLeft);
    noticeText->addWidget(m_details);
    auto *noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->addWidget(noticeIcon, 0, Qt::AlignTop);
    noticeLayout->addLayout(noticeText, 1);
    m_notice->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_demo);
    buttons->addSpacing(fontMetrics().height());
    buttons->addWidget(m_add);
    buttons->addStretch();

    // A column of readable width in the middle, however wide the window is. Stretches rather
    // than alignment place it, so the wrapped labels get the height their width needs.
    auto *column = new QWidget(this);
    column->setMaximumWidth(fontMetrics().averageCharWidth() * 80);
    auto *content = new QVBoxLayout(column);
    content->setContentsMargins(0, 0, 0, 0);
    content->addStretch(1);
    content->addWidget(icon);
    content->addWidget(title);
    content->addSpacing(fontMetrics().height());
    content->addWidget(about);
    content->addSpacing(fontMetrics().height());
    content->addLayout(buttons);
    content->addWidget(demoNote);
    content->addSpacing(fontMetrics().height());
    content->addWidget(m_notice);
    content->addStretch(2);

    auto *outer = new QHBoxLayout(this);
    outer->addStretch();
    outer->addWidget(column, 1);
    outer->addStretch();

    setFocusProxy(m_demo);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_add, &QPushButton::clicked, this, &WelcomePage::addWatchRequested);
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::setCredentialsNotice(const QString &text, const QString &details)
{
    m_noticeText->setText(text);
    m_details->setText(details);
    m_detailsToggle->setVisible(!details.isEmpty());
    if (details.isEmpty())
        m_detailsToggle->setChecked(false);
    m_notice->setVisible(!text.isEmpty());
}

QString WelcomePage::credentialsDetails() const
{
    return m_details->text();
}

bool WelcomePage::detailsShown() const
{
    return m_detailsToggle->isChecked();
}

QString WelcomePage::credentialsNotice() const
{
    return m_noticeText->text();
}

void WelcomePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_demo->setFocus(Qt::OtherFocusReason);
}

} // namespace sw
