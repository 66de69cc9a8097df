#pragma once

#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;

namespace sw {

/// What the window shows while there is no watch: the app's icon and name, what it does, and
/// the two ways to start: **Try the demo** (the built-in simulator of the four services, no AWS
/// account needed) and **Add a watch…**. When the app found no AWS credentials it says where it
/// looked in a framed notice, so the operator knows what to fix or that the demo is the way to
/// look around. Only emits requests; the app starts the demo or opens the dialog.
class WelcomePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    /// Shows `text` in the notice, e.g. "No AWS credentials were found. Looked in: …"; empty
    /// hides it.
    void setCredentialsNotice(const QString &text);
    QString credentialsNotice() const;

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
};

} // namespace sw
