#pragma once

#include "watch.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace sw {

/// Adds or edits a watch: the service, an optional name, the AWS profile (the default
/// credential chain or one of the profiles found in the AWS config files), the region (empty:
/// the profile's), an endpoint URL under "Advanced", the scope fields the chosen service needs
/// (none for Migration Hub Orchestrator, a domain for Customer Profiles, an image build
/// version ARN for Image Builder, a space and project for CodeCatalyst), optional workflow ids
/// and the polling interval. Every change is checked with Watch::validate(), the rules the
/// client applies to the requests, and the problems are listed under the form; OK stays
/// disabled while there are any. Editing keeps the watch's id and the settings the dialog does
/// not show (the terminal and discovery intervals, paused).
class WatchDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchDialog)

public:
    /// `profiles`: the profile names found in the AWS config and credentials files.
    explicit WatchDialog(const QStringList &profiles, QWidget *parent = nullptr);
    ~WatchDialog() override;

    /// Fills the form from an existing watch and makes this an "Edit watch" dialog.
    void setWatch(const Watch &watch);
    /// The watch as the form describes it; a new watch gets an id (the same on every call).
    Watch watch() const;
    /// What Watch::validate() finds wrong with watch(); empty when OK is enabled.
    QStringList problems() const;

    /// Workflow ids as typed: separated by commas, spaces or new lines, empty ones dropped.
    static QStringList parseIds(const QString &text);
    /// What the ids field is called for a service ("Workflow execution ids" for Image Builder).
    static QString idsLabel(Service service);

    void accept() override;

private:
    Service currentService() const;
    void updateServiceFields();
    void validate();

    Watch m_base; ///< what setWatch() was given, or a new watch with a fresh id
    QComboBox *m_service;
    QLineEdit *m_name;
    QComboBox *m_profile;
    QComboBox *m_region;
    QLineEdit *m_endpointUrl;
    QLineEdit *m_domainName;
    QLineEdit *m_imageBuildVersionArn;
    QLineEdit *m_spaceName;
    QLineEdit *m_projectName;
    QPlainTextEdit *m_ids;
    QSpinBox *m_interval;
    QLabel *m_problems;
    QFormLayout *m_form;
    QDialogButtonBox *m_buttons;
};

} // namespace sw
