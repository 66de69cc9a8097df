#include "watchstore.h"

#include "aws/regularfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sw::WatchStore", text);
}

constexpr int formatVersion = 1;

} // namespace

WatchStore::WatchStore(QString path) : m_path(path.isEmpty() ? defaultPath() : std::move(path)) { }

QString WatchStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/watches.json"_s;
}

bool WatchStore::setAside(const QString &reason)
{
    m_problems.append(reason);
    const QString target =
        m_path + u".broken-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    if (QFile::rename(m_path, target)) {
        m_setAside = target;
        m_problems.append(tr("The file was kept as %1; a new one will be written.")
                              .arg(QDir::toNativeSeparators(target)));
        return true;
    }
    m_saveBlocked = true;
    m_problems.append(tr("It could not be moved aside, so Stepwatch will not save watches "
                         "until %1 is fixed or removed.")
                          .arg(QDir::toNativeSeparators(m_path)));
    return false;
}

QList<Watch> WatchStore::load()
{
    m_problems.clear();
    m_setAside.clear();
    m_saveBlocked = false;
    m_loaded = true;
    QList<Watch> watches;
    const QString shown = QDir::toNativeSeparators(m_path);

    // Hundreds of watches are a few hundred KB; a device or FIFO at this path, or a file of
    // gigabytes, is not a watch list and must neither hang nor exhaust the dashboard.
    const aws::FileRead file = aws::readRegularFile(m_path, MaxFileBytes, tr("The watch list"));
    switch (file.status) {
    case aws::FileRead::Status::Ok:
        break;
    case aws::FileRead::Status::Missing:
        return watches;
    case aws::FileRead::Status::NotRegular:
    case aws::FileRead::Status::TooLarge:
    case aws::FileRead::Status::Failed:
        // Not ours to move: a permissions problem (or a special file) is the operator's to
        // fix, and the file is probably fine.
        m_saveBlocked = true;
        m_problems.append(
            tr("%1. Watches will not be saved until it can be read.").arg(file.error));
        return watches;
    }
    const QByteArray &bytes = file.data;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setAside(tr("%1 is not valid JSON (%2 at byte %3).")
                     .arg(shown, parseError.errorString())
                     .arg(parseError.offset));
        return watches;
    }
    const QJsonObject root = document.object();
    const QJsonValue version = root.value(u"version"_s);
    if (!document.isObject() || !root.value(u"watches"_s).isArray()) {
        setAside(tr("%1 does not hold a \"watches\" list.").arg(shown));
        return watches;
    }
    if (version.toInt(-1) != formatVersion) {
        // A newer Stepwatch wrote it: reading it partially and saving would lose what this
        // version does not understand.
        setAside(
            tr("%1 has format version %2; this Stepwatch reads version %3.")
                .arg(shown, version.isDouble() ? QString::number(version.toDouble()) : tr("(none)"))
                .arg(formatVersion));
        return watches;
    }

    QStringList entryProblems;
    QSet<QString> ids;
    const QJsonArray entries = root.value(u"watches"_s).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QString error;
        std::optional<Watch> watch = entries.at(i).isObject()
            ? Watch::fromJson(entries.at(i).toObject(), &error)
            : std::nullopt;
        if (!entries.at(i).isObject())
            error = tr("it is not an object");
        if (watch && ids.contains(watch->id)) {
            error = tr("its id \"%1\" is used by an earlier watch").arg(watch->id);
            watch.reset();
        }
        if (!watch) {
            entryProblems.append(tr("Watch %1 in %2 was skipped: %3").arg(i + 1).arg(shown, error));
            continue;
        }
        ids.insert(watch->id);
        watches.append(*watch);
    }
    if (!entryProblems.isEmpty()) {
        // Keep the whole original, since the next save writes only the readable watches.
        m_problems.append(entryProblems);
        setAside(tr("%1 holds watches that could not be read.").arg(shown));
    }
    return watches;
}

bool WatchStore::save(const QList<Watch> &watches)
{
    m_error.clear();
    const QString shown = QDir::toNativeSeparators(m_path);
    if (!m_loaded && QFile::exists(m_path)) {
        // Saving without having read the file would replace watches nobody has seen.
        m_error = tr("Not saved: %1 exists and was not read first.").arg(shown);
        return false;
    }
    if (m_saveBlocked) {
        m_error = tr("Not saved: %1 could not be read or moved aside, and would be overwritten.")
                      .arg(shown);
        return false;
    }
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        m_error = tr("Not saved: cannot create the folder for %1.").arg(shown);
        return false;
    }
    QJsonArray list;
    for (const Watch &w : watches)
        list.append(w.toJson());
    const QJsonObject root {{u"version"_s, formatVersion}, {u"watches"_s, list}};

    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = tr("Not saved: cannot write %1: %2").arg(shown, file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        m_error = tr("Not saved: writing %1 failed: %2").arg(shown, file.errorString());
        return false;
    }
    return true;
}

} // namespace sw
