#include "regularfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace sw::aws {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', bytes < 1024 * 1024 ? 2 : 0);
}

FileRead failed(FileRead::Status status, const QString &error)
{
    FileRead r;
    r.status = status;
    r.error = error;
    return r;
}

#ifdef Q_OS_UNIX
QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return u"a FIFO"_s;
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return u"a device"_s;
    if (S_ISDIR(mode))
        return u"a directory"_s;
    if (S_ISSOCK(mode))
        return u"a socket"_s;
    return u"not a regular file"_s;
}
#endif

} // namespace

FileRead readRegularFile(const QString &path, qint64 maxBytes, const QString &what, OverCap overCap)
{
    const QString shown = QDir::toNativeSeparators(path);
    auto tooLarge = [&](qint64 size) {
        return failed(FileRead::Status::TooLarge,
            u"%1 %2 is %3 MB, more than the %4 MB it may be; it was not read"_s.arg(
                what, shown, megabytes(size), megabytes(maxBytes)));
    };
#ifdef Q_OS_UNIX
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever.
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR)
            return {};
        return failed(FileRead::Status::Failed,
            u"%1 %2 cannot be opened: %3"_s.arg(
                what, shown, QString::fromLocal8Bit(std::strerror(err))));
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer {fd};
    struct stat info { };
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        return failed(FileRead::Status::NotRegular,
            u"%1 %2 is %3, not a regular file; it was not read"_s.arg(
                what, shown, kindOf(info.st_mode)));
    }
    qint64 start = 0;
    if (info.st_size > maxBytes) {
        if (overCap == OverCap::Refuse)
            return tooLarge(info.st_size);
        start = info.st_size - maxBytes;
        if (::lseek(fd, off_t(start), SEEK_SET) < 0)
            return failed(FileRead::Status::Failed, u"%1 %2 cannot be read"_s.arg(what, shown));
    }
    FileRead r;
    r.status = FileRead::Status::Ok;
    r.skippedBytes = start;
    // One byte past the cap tells a file that grew since fstat from one that fits.
    r.data.resize(qsizetype(std::min<qint64>(info.st_size - start, maxBytes) + 1));
    qsizetype filled = 0;
    while (filled < r.data.size()) {
        const ssize_t n = ::read(fd, r.data.data() + filled, size_t(r.data.size() - filled));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            return failed(FileRead::Status::Failed,
                u"%1 %2 cannot be read: %3"_s.arg(
                    what, shown, QString::fromLocal8Bit(std::strerror(err))));
        }
        if (n == 0)
            break;
        filled += n;
    }
    r.data.truncate(filled);
    if (r.data.size() > maxBytes) {
        if (overCap == OverCap::Refuse)
            return tooLarge(start + r.data.size());
        r.skippedBytes += r.data.size() - maxBytes;
        r.data.remove(0, r.data.size() - maxBytes);
    }
    return r;
#else
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    if (!info.isFile()) {
        return failed(FileRead::Status::NotRegular,
            u"%1 %2 is not a regular file; it was not read"_s.arg(what, shown));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failed(FileRead::Status::Failed,
            u"%1 %2 cannot be opened: %3"_s.arg(what, shown, file.errorString()));
    }
    FileRead r;
    r.status = FileRead::Status::Ok;
    const qint64 size = file.size();
    if (size > maxBytes) {
        if (overCap == OverCap::Refuse)
            return tooLarge(size);
        r.skippedBytes = size - maxBytes;
        file.seek(r.skippedBytes);
    }
    r.data = file.read(maxBytes + 1);
    if (r.data.size() > maxBytes) {
        if (overCap == OverCap::Refuse)
            return tooLarge(r.skippedBytes + r.data.size());
        r.skippedBytes += r.data.size() - maxBytes;
        r.data.remove(0, r.data.size() - maxBytes);
    }
    return r;
#endif
}

} // namespace sw::aws
