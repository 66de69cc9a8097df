#pragma once

#include <QByteArray>
#include <QString>

namespace sw::aws {

/// What may be shown of secrets, for --debug output and error texts. Everything that
/// prints a request or a response goes through these.

/// Authorization, X-Amz-Security-Token and any header carrying a token: "<redacted>".
QByteArray redactHeaderValue(QByteArrayView name, const QByteArray &value);
/// "****************MPLE", as `aws configure list` shows an access key id.
QString redactAccessKeyId(const QString &accessKeyId);
/// Everything a server says ends up in a terminal, a log or a tooltip: printable text only
/// (each control, escape or otherwise unprintable character becomes '?'), cut to maxChars,
/// so a hostile server cannot write control or escape sequences there.
QString sanitizeForDisplay(const QString &text, qsizetype maxChars = 4096);
/// Text from a credential helper or another tool that may carry secrets (its stderr): every
/// run of 40 or more base64 characters, and everything after a key named like a secret,
/// token, password or credential (`key = value`, `key: value`, `'Key': 'value'`), becomes
/// "<redacted>".
QString redactSecretsInText(const QString &text);
/// True when `text` holds a C0 control character (CR, LF, NUL, ESC, ...) or DEL: never part
/// of a key, token or header value, and in a header a CR/LF would inject another header.
bool hasControlCharacter(QStringView text);
bool hasControlCharacter(QByteArrayView bytes);

/// A JSON body with the values of sensitive members (credentials, tokens, the members the
/// models mark sensitive such as MHO workflowInputs) replaced by "<redacted>", at any depth.
/// A body that is not JSON is returned cut to maxChars with a note of its size.
QByteArray redactJsonBody(const QByteArray &body, int maxChars = 4000);

} // namespace sw::aws
