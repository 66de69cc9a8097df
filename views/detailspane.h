#pragma once

#include "snapshot.h"

#include <QList>
#include <QString>
#include <QVariantList>
#include <QWidget>

class QLabel;
class QTextEdit;
class QToolButton;

namespace sw {

/// Every field of the selected workflow or step as a read-only, selectable sheet of
/// name/value rows, so an operator can read an error description in full or copy an ARN into
/// a ticket. Values that are JSON objects or arrays (Image Builder inputs and outputs, MHO
/// step outputs) are pretty-printed in a fixed-pitch font; long text wraps. The Copy button
/// copies everything as "name: value" lines; Ctrl+C copies the selection, or everything when
/// nothing is selected. Above the fields: why a workflow is where it is (its failed or waiting
/// step and that step's message) and how fresh the data is ("as of 14:02:11 (3 s ago)"),
/// marked when it is stale.
class DetailsPane final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPane)

public:
    explicit DetailsPane(QWidget *parent = nullptr);
    ~DetailsPane() override;

    /// `fields` as StepTreeModel::DetailsRole gives them: QVariantMap{name, value} each.
    void showStep(const QString &title, const QVariantList &fields);
    /// The workflow's own fields, then every DetailField.
    void showWorkflow(const WorkflowSnapshot &workflow);
    /// Back to the placeholder.
    void clear();
    /// "As of 14:02:11 (3 s ago)", and whether the data is stale (then shown as a warning);
    /// an empty text hides the line. Changing it never redraws the fields.
    void setFreshness(const QString &text, bool stale);
    QString freshnessText() const;
    bool freshnessIsStale() const { return m_stale; }
    /// The line under the title: the failed or waiting step and its message; empty if none.
    QString reasonText() const;

    /// What Copy puts on the clipboard: "name: value" lines, multi-line values as they are
    /// shown. The placeholder text when nothing is shown.
    QString plainText() const;
    /// The title above the fields, empty when nothing is shown.
    QString title() const;
    bool isEmpty() const { return m_fields.isEmpty(); }

    /// The value as shown: JSON objects and arrays indented, anything else unchanged.
    static QString displayValue(const QString &value, bool *isJson = nullptr);

public slots:
    void copyAll();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Field {
        QString name;
        QString value; ///< as shown
        bool json = false;
        friend bool operator==(const Field &a, const Field &b)
        {
            return a.name == b.name && a.value == b.value && a.json == b.json;
        }
    };

    void showFields(const QString &title, QList<Field> fields);
    void render();
    void addField(QList<Field> &fields, const QString &name, const QString &value);

    void setReason(const QString &text, bool failed);
    void applyReasonColour();

    QLabel *m_title;
    QLabel *m_reason;
    QLabel *m_freshness;
    bool m_stale = false;
    bool m_reasonFailed = false;
    QToolButton *m_copy;
    QTextEdit *m_view;
    QString m_titleText;
    QList<Field> m_fields;
};

} // namespace sw
