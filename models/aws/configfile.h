#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace sw::aws {

/// One section of a shared config/credentials file. Plain properties go to `values`; a
/// property whose value is empty and followed by indented `key = value` lines (the only
/// nesting botocore knows, e.g. `s3 =` under a profile or a service under `[services x]`)
/// goes to `subSections` instead.
struct ConfigSection {
    QMap<QString, QString> values;
    QMap<QString, QMap<QString, QString>> subSections;

    /// The value of a plain property, or an empty string.
    QString value(const QString &key) const { return values.value(key); }
    bool contains(const QString &key) const { return values.contains(key); }
    bool isEmpty() const { return values.isEmpty() && subSections.isEmpty(); }
    /// Values and sub-sections of `over` replace those of the same name here.
    void mergeFrom(const ConfigSection &over);
};

/// A parsed ~/.aws/config or ~/.aws/credentials, read with botocore's rules (configparser
/// plus botocore's own profile mapping): property names are lower-cased as configparser
/// does, names inside a sub-section are kept as written, section names are case-sensitive.
///
/// Malformed lines never abort the parse (botocore rejects the whole file); each one
/// becomes a "file:line: problem" warning that never quotes the line, because a stray
/// line in these files is often a pasted secret.
class ConfigFile {
public:
    enum class Kind {
        Config, ///< [default], [profile x], [sso-session x], [services x]
        Credentials, ///< every [x] is profile x
    };

    /// The largest config or credentials file read (a real one is a few KB).
    static constexpr qint64 MaxBytes = 16 * 1024 * 1024;

    /// Reads a file. A missing path (or a path that is not a regular file, as botocore's
    /// isfile check; opened without blocking, so a FIFO cannot hang us) is an empty file
    /// and no error; an existing file that cannot be read, or one over MaxBytes, sets *error
    /// to a message naming it.
    static ConfigFile read(const QString &path, Kind kind, QString *error = nullptr);
    /// Parses text; fileName only labels the warnings.
    static ConfigFile parse(const QString &text, Kind kind, const QString &fileName = {});

    Kind kind() const { return m_kind; }
    QString fileName() const { return m_fileName; }
    /// True when read() found the file (always true for parse()).
    bool exists() const { return m_exists; }

    /// Profiles by name. In a config file `[default]` and `[profile default]` are the same
    /// profile; when both are present `[profile default]` wins and a warning says so.
    const QMap<QString, ConfigSection> &profiles() const { return m_profiles; }
    const QMap<QString, ConfigSection> &ssoSessions() const { return m_ssoSessions; }
    const QMap<QString, ConfigSection> &servicesSections() const { return m_services; }
    /// Config-file sections that are none of the above ([preview], [plugins], a bare
    /// [name] that was probably meant to be [profile name]), by their header text.
    const QMap<QString, ConfigSection> &otherSections() const { return m_other; }

    QStringList warnings() const { return m_warnings; }

private:
    Kind m_kind = Kind::Config;
    QString m_fileName;
    bool m_exists = false;
    QMap<QString, ConfigSection> m_profiles;
    QMap<QString, ConfigSection> m_ssoSessions;
    QMap<QString, ConfigSection> m_services;
    QMap<QString, ConfigSection> m_other;
    QStringList m_warnings;
};

/// Splits a command line as Python's shlex.split (POSIX mode) does, which is what botocore
/// uses for credential_process and section headers: whitespace separates words, '...' is
/// literal, "..." allows \" and \\, a backslash outside quotes escapes the next character.
/// Returns nullopt on an unterminated quote or a trailing backslash.
std::optional<QStringList> splitShellWords(const QString &text);

} // namespace sw::aws
