#include "elidinglabel.h"

#include <QEvent>

namespace sw {

ElidingLabel::ElidingLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ElidingLabel::setFullText(const QString &text)
{
    m_text = text;
    setToolTip(text);
    updateShown();
}

QString ElidingLabel::shownText() const
{
    return text();
}

QSize ElidingLabel::minimumSizeHint() const
{
    return {0, QLabel::minimumSizeHint().height()};
}

QSize ElidingLabel::sizeHint() const
{
    return {0, QLabel::sizeHint().height()};
}

void ElidingLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateShown();
}

void ElidingLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange
        || event->type() == QEvent::ContentsRectChange)
        updateShown();
}

void ElidingLabel::updateShown()
{
    // One line: line breaks in a message would make the status bar grow.
    const QString line = QString(m_text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    const int width = std::max(0, contentsRect().width());
    setText(fontMetrics().elidedText(line, Qt::ElideRight, width));
}

} // namespace sw
