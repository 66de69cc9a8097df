#pragma once

#include <QLabel>

namespace sw {

/// One line of plain text that fits whatever room it gets: cut with "…" when too long, the
/// whole text in the tool tip. It asks for no width of its own, so in a status bar it takes
/// the room left beside the permanent widgets and never draws over them.
class ElidingLabel final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidingLabel)

public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_text; }
    /// The text as painted in the current width.
    QString shownText() const;

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateShown();

    QString m_text;
};

} // namespace sw
