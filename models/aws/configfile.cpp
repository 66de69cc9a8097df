#include "configfile.h"

#include "regularfile.h"

#include <QHash>
#include <QLoggingCategory>

#include <vector>

using namespace Qt::StringLiterals;

namespace sw::aws {

namespace {

Q_LOGGING_CATEGORY(lcConfigFile, "stepwatch.aws.config")

struct RawLine {
    int number = 0;
    QString text;
};

// A property as configparser holds it before botocore looks at it: the text after the
// delimiter, then every continuation line.
struct RawOption {
    QString key;
    int line = 0;
    std::vector<RawLine> lines;
    bool superseded = false; ///< a later line set the same key: the last one wins
};

struct RawSection {
    QString header;
    int line = 0;
    std::vector<RawOption> options;
    QHash<QString, std::size_t> optionIndex; ///< key -> its current entry in options
};

bool isCommentChar(QChar c)
{
    return c == u'#' || c == u';';
}

// Inline comments need whitespace before the marker, so values such as
// "https://host/#frag" or "a;b" survive; position 0 is the start of a value, not a comment.
QString stripInlineComment(const QString &text)
{
    for (qsizetype i = 1; i < text.size(); ++i) {
        if (isCommentChar(text.at(i)) && text.at(i - 1).isSpace())
            return text.left(i).trimmed();
    }
    return text.trimmed();
}

qsizetype indentOf(const QString &line)
{
    qsizetype i = 0;
    while (i < line.size() && line.at(i).isSpace())
        ++i;
    return i;
}

class Parser {
public:
    explicit Parser(QString fileName) : m_fileName(std::move(fileName)) { }

    std::vector<RawSection> run(const QString &text)
    {
        QStringList lines = text.split(u'\n');
        if (!lines.isEmpty() && lines.first().startsWith(QChar(0xFEFF)))
            lines.first().remove(0, 1);
        for (qsizetype i = 0; i < lines.size(); ++i)
            handleLine(int(i + 1), lines.at(i));
        return std::move(m_sections);
    }

    void warn(int line, const QString &problem)
    {
        // A file of 100,000 broken lines needs a handful of warnings, not 100,000 log lines.
        if (++m_warningCount > MaxWarnings)
            return;
        const QString name = m_fileName.isEmpty() ? u"<config>"_s : m_fileName;
        m_warnings.append(u"%1:%2: %3"_s.arg(name).arg(line).arg(problem));
    }

    QStringList warnings() const
    {
        if (m_warningCount <= MaxWarnings)
            return m_warnings;
        const QString name = m_fileName.isEmpty() ? u"<config>"_s : m_fileName;
        return m_warnings
            + QStringList {
                u"%1: %2 more warnings not shown"_s.arg(name).arg(m_warningCount - MaxWarnings)};
    }

private:
    RawOption *currentOption()
    {
        if (m_sections.empty() || m_skipping || !m_haveOption)
            return nullptr;
        return &m_sections.back().options.back();
    }

    void handleLine(int number, QString line)
    {
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString stripped = line.trimmed();
        if (stripped.isEmpty()) {
            // configparser keeps blank lines inside a value, so a nested block may contain
            // them; trailing ones are dropped when the value is finished.
            if (RawOption *option = currentOption())
                option->lines.push_back({number, QString()});
            return;
        }
        // Full-line comments leave the parser state alone, so they may sit inside a
        // nested block.
        if (isCommentChar(stripped.front()))
            return;

        const qsizetype indent = indentOf(line);
        if (RawOption *option = currentOption(); option && indent > m_optionIndent) {
            option->lines.push_back({number, stripInlineComment(stripped)});
            return;
        }
        m_optionIndent = indent;
        if (stripped.startsWith(u'['))
            handleHeader(number, stripped);
        else
            handleProperty(number, stripped);
    }

    void handleHeader(int number, const QString &stripped)
    {
        m_haveOption = false;
        const qsizetype close = stripped.indexOf(u']');
        if (close < 0) {
            warn(number, u"section header without a closing ']'; ignoring the section"_s);
            m_skipping = true;
            return;
        }
        const QString header = stripped.mid(1, close - 1).trimmed();
        const QString rest = stripped.mid(close + 1).trimmed();
        if (!rest.isEmpty() && !isCommentChar(rest.front()))
            warn(number, u"unexpected text after the section header"_s);
        if (header.isEmpty()) {
            warn(number, u"empty section header; ignoring the section"_s);
            m_skipping = true;
            return;
        }
        m_skipping = false;
        m_sections.push_back({header, number, {}, {}});
    }

    void handleProperty(int number, const QString &stripped)
    {
        if (m_skipping)
            return;
        if (m_sections.empty()) {
            warn(number, u"property outside any section"_s);
            return;
        }
        // configparser accepts ':' as well as '='; the first of the two delimits.
        const qsizetype eq = stripped.indexOf(u'=');
        const qsizetype colon = stripped.indexOf(u':');
        qsizetype delimiter = eq;
        if (delimiter < 0 || (colon >= 0 && colon < delimiter))
            delimiter = colon;
        if (delimiter < 0) {
            warn(number, u"expected 'key = value'"_s);
            m_haveOption = false;
            return;
        }
        const QString key = stripped.left(delimiter).trimmed().toLower();
        if (key.isEmpty()) {
            warn(number, u"property without a name"_s);
            m_haveOption = false;
            return;
        }
        const QString value = stripInlineComment(stripped.mid(delimiter + 1));
        RawSection &section = m_sections.back();
        // A lookup, not a scan: a scan per line made a file of 100,000 keys take 24 s.
        const auto previous = section.optionIndex.constFind(key);
        if (previous != section.optionIndex.cend()) {
            warn(number, u"duplicate property '%1'; the last one wins"_s.arg(key));
            section.options[*previous].superseded = true;
        }
        section.optionIndex.insert(key, section.options.size());
        section.options.push_back({key, number, {{number, value}}, false});
        m_haveOption = true;
    }

    static constexpr int MaxWarnings = 50;

    QString m_fileName;
    std::vector<RawSection> m_sections;
    QStringList m_warnings;
    int m_warningCount = 0;
    qsizetype m_optionIndent = 0;
    bool m_haveOption = false;
    bool m_skipping = false;
};

// Turns raw options into a section the way botocore's _parse_nested does: an empty first
// line means the rest is one level of `key = value`.
ConfigSection buildSection(const RawSection &raw, Parser &parser)
{
    ConfigSection section;
    for (const RawOption &option : raw.options) {
        if (option.superseded)
            continue;
        std::vector<RawLine> lines = option.lines;
        while (lines.size() > 1 && lines.back().text.isEmpty())
            lines.pop_back();
        const bool nested = lines.front().text.isEmpty() && lines.size() > 1;
        if (!nested) {
            QStringList parts;
            for (const RawLine &l : lines)
                parts.append(l.text);
            section.values.insert(option.key, parts.join(u'\n'));
            continue;
        }
        QMap<QString, QString> sub;
        for (std::size_t i = 1; i < lines.size(); ++i) {
            const RawLine &l = lines[i];
            if (l.text.isEmpty())
                continue;
            const qsizetype eq = l.text.indexOf(u'=');
            const QString subKey = eq < 0 ? QString() : l.text.left(eq).trimmed();
            if (subKey.isEmpty()) {
                parser.warn(l.number,
                    u"expected 'key = value' inside '%1'; ignoring the line"_s.arg(option.key));
                continue;
            }
            sub.insert(subKey, l.text.mid(eq + 1).trimmed());
        }
        section.subSections.insert(option.key, sub);
    }
    return section;
}

void mergeInto(QMap<QString, ConfigSection> &target, const QString &name,
    const ConfigSection &section, int line, const QString &what, Parser &parser)
{
    auto it = target.find(name);
    if (it == target.end()) {
        target.insert(name, section);
        return;
    }
    // botocore (configparser strict mode) rejects the whole file here; merging with a
    // warning keeps the rest of the user's setup usable.
    parser.warn(line, u"%1 '%2' is defined more than once; later values win"_s.arg(what, name));
    it->mergeFrom(section);
}

} // namespace

ConfigFile ConfigFile::parse(const QString &text, Kind kind, const QString &fileName)
{
    ConfigFile file;
    file.m_kind = kind;
    file.m_fileName = fileName;
    file.m_exists = true;

    Parser parser(fileName);
    const std::vector<RawSection> sections = parser.run(text);

    std::optional<std::pair<ConfigSection, int>> plainDefault;
    std::optional<std::pair<ConfigSection, int>> prefixedDefault;
    for (const RawSection &raw : sections) {
        const ConfigSection section = buildSection(raw, parser);
        if (kind == Kind::Credentials) {
            // No prefixes here: "[profile x]" is a profile literally named "profile x".
            mergeInto(file.m_profiles, raw.header, section, raw.line, u"profile"_s, parser);
            continue;
        }
        if (raw.header == u"default") {
            if (plainDefault) {
                parser.warn(raw.line, u"[default] is defined more than once; later values win"_s);
                plainDefault->first.mergeFrom(section);
            } else {
                plainDefault = std::pair {section, raw.line};
            }
            continue;
        }
        const std::optional<QStringList> words = splitShellWords(raw.header);
        const QString first = words && !words->isEmpty() ? words->first() : QString();
        const bool known = first == u"profile" || first == u"sso-session" || first == u"services";
        if (!words || (known && words->size() != 2)) {
            parser.warn(raw.line, u"malformed section header; ignoring the section"_s);
            file.m_other.insert(raw.header, section);
            continue;
        }
        if (!known) {
            file.m_other.insert(raw.header, section);
            continue;
        }
        const QString name = words->at(1);
        if (first == u"profile" && name == u"default") {
            if (prefixedDefault) {
                parser.warn(
                    raw.line, u"[profile default] is defined more than once; later values win"_s);
                prefixedDefault->first.mergeFrom(section);
            } else {
                prefixedDefault = std::pair {section, raw.line};
            }
        } else if (first == u"profile") {
            mergeInto(file.m_profiles, name, section, raw.line, u"profile"_s, parser);
        } else if (first == u"sso-session") {
            mergeInto(file.m_ssoSessions, name, section, raw.line, u"sso-session"_s, parser);
        } else {
            mergeInto(file.m_services, name, section, raw.line, u"services section"_s, parser);
        }
    }
    // The SDKs' shared-config rule: both spellings name one profile, and the explicit
    // "profile default" wins rather than being merged.
    if (prefixedDefault) {
        if (plainDefault) {
            parser.warn(plainDefault->second,
                u"both [default] and [profile default] exist; using [profile default]"_s);
        }
        file.m_profiles.insert(u"default"_s, prefixedDefault->first);
    } else if (plainDefault) {
        file.m_profiles.insert(u"default"_s, plainDefault->first);
    }

    file.m_warnings = parser.warnings();
    for (const QString &warning : std::as_const(file.m_warnings))
        qCWarning(lcConfigFile, "%s", qUtf8Printable(warning));
    return file;
}

ConfigFile ConfigFile::read(const QString &path, Kind kind, QString *error)
{
    ConfigFile empty;
    empty.m_kind = kind;
    empty.m_fileName = path;
    if (path.isEmpty())
        return empty;
    const QString what =
        kind == Kind::Config ? u"The AWS config file"_s : u"The AWS credentials file"_s;
    const FileRead file = readRegularFile(path, MaxBytes, what);
    switch (file.status) {
    case FileRead::Status::Ok:
        return parse(QString::fromUtf8(file.data), kind, path);
    case FileRead::Status::Missing:
        return empty;
    case FileRead::Status::NotRegular:
        // botocore's isfile check: anything but a regular file is no file at all. Said once,
        // since it is probably not what the operator meant.
        qCWarning(lcConfigFile, "%s", qUtf8Printable(file.error));
        return empty;
    case FileRead::Status::TooLarge:
    case FileRead::Status::Failed:
        break;
    }
    if (error)
        *error = file.error;
    return empty;
}

std::optional<QStringList> splitShellWords(const QString &text)
{
    QStringList words;
    QString current;
    bool inWord = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            if (inWord)
                words.append(current);
            current.clear();
            inWord = false;
        } else if (c == u'\'') {
            const qsizetype close = text.indexOf(u'\'', i + 1);
            if (close < 0)
                return std::nullopt;
            current += text.mid(i + 1, close - i - 1);
            inWord = true;
            i = close;
        } else if (c == u'"') {
            inWord = true;
            bool closed = false;
            for (++i; i < n; ++i) {
                const QChar d = text.at(i);
                if (d == u'"') {
                    closed = true;
                    break;
                }
                // Inside double quotes shlex only lets a backslash escape '"' and '\'.
                if (d == u'\\' && i + 1 < n && (text.at(i + 1) == u'"' || text.at(i + 1) == u'\\'))
                    current += text.at(++i);
                else
                    current += d;
            }
            if (!closed)
                return std::nullopt;
        } else if (c == u'\\') {
            if (i + 1 >= n)
                return std::nullopt;
            current += text.at(++i);
            inWord = true;
        } else {
            current += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(current);
    return words;
}

void ConfigSection::mergeFrom(const ConfigSection &over)
{
    for (auto v = over.values.cbegin(); v != over.values.cend(); ++v)
        values.insert(v.key(), v.value());
    for (auto s = over.subSections.cbegin(); s != over.subSections.cend(); ++s)
        subSections.insert(s.key(), s.value());
}

} // namespace sw::aws
