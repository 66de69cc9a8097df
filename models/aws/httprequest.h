#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace sw::aws {

/// An HTTP request as the signer and the transport both see it, so that what is signed is
/// byte for byte what is sent. The path is in wire form (labels already percent-encoded); the
/// query is a list of decoded key/value pairs in the order given, encoded by encodedQuery()
/// for the wire with the same RFC 3986 rules the signer uses for the canonical query.
struct HttpRequest {
    QByteArray method = "GET";
    QByteArray scheme = "https";
    QByteArray host; ///< host[:port], exactly as in the Host header
    QByteArray path = "/";
    QList<QPair<QString, QString>> query;
    QList<QPair<QByteArray, QByteArray>> headers; ///< names as given; repeated names allowed
    QByteArray body;

    /// All values of a header (case-insensitive name), joined with ',' as HTTP allows.
    QByteArray headerValue(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /// Replaces every header of that name (case-insensitive) with one.
    void setHeader(const QByteArray &name, const QByteArray &value);
    void removeHeader(QByteArrayView name);

    /// key=value pairs joined with '&', both sides uriEncode()d, in the order given.
    QByteArray encodedQuery() const;
    /// scheme://host/path?query
    QByteArray url() const;
};

/// RFC 3986 percent-encoding: A-Z a-z 0-9 - . _ ~ stay, every other byte of the UTF-8 form
/// becomes %XX (upper-case hex). With keepSlash, '/' stays too (for whole paths).
QByteArray uriEncode(QByteArrayView utf8, bool keepSlash = false);
QByteArray uriEncode(const QString &text, bool keepSlash = false);

} // namespace sw::aws
