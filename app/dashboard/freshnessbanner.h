#pragma once

#include <QLabel>
#include <QStringList>

class QTimer;

namespace sw {

class Poller;

/// The banner above the workflow table while any watch is not live: which watch, what is
/// wrong and since when ("Demo · MHO is offline since 14:02:11 (3 min): connection
/// refused"), and that its rows show the last data it got. Hidden while every watch is live.
/// The ages move with the clock: re-read once a second while shown.
class FreshnessBanner final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreshnessBanner)

public:
    explicit FreshnessBanner(Poller *poller, QWidget *parent = nullptr);

    /// The sentences shown, one per watch in trouble (the first few; then a count).
    QStringList lines() const { return m_lines; }

public slots:
    void refresh();

private:
    void applyStyle();

    Poller *m_poller;
    QTimer *m_timer;
    QStringList m_lines;
};

} // namespace sw
