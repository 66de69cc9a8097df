#pragma once

#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;
class QToolButton;

namespace sw {

/// What the window shows while there is no watch: the app's icon and name, what it does, and
/// the two ways to start: **Try the demo** (the built-in simulator of the four services, no AWS
/// account needed) and **Add a watch…**. When the app found no AWS credentials it says so in a
/// short framed notice — what was found, what to do next — with the places it looked behind a
/// "Show where I looked" toggle. Only emits requests; the app starts the demo or opens the
/// dialog.
class WelcomePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    /// Shows `text` in the notice, e.g. "No AWS credentials were found…", with `details`
    /// (where the app looked) behind a toggle; an empty text hides the notice.
    void setCredentialsNotice(const QString &text, const QString &details = {});
    QString credentialsNotice() const;
    QString credentialsDetails() const;
    /// The toggle is open.
    bool detailsShown() const;

signals:
    void demoRequested();
    void addWatchRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QPushButton *m_demo;
    QPushButton *m_add;
    QFrame *m_notice;
    QLabel *m_noticeText;
    QToolButton *m_detailsToggle;
    QLabel *m_details;
};

} // namespace sw
