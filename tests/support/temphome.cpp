#include "temphome.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;

namespace sw::test {

TempHome::TempHome()
{
    QVERIFY(m_dir.isValid());
}

QString TempHome::write(const QString &relative, const QString &text)
{
    const QString file = QDir(m_dir.path()).filePath(relative);
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write test file");
    f.write(text.toUtf8());
    return file;
}

QString TempHome::script(const QString &relative, const QString &body)
{
    QString text = u"#!/bin/sh\n"_s + body + u'\n';
    text.replace(u"%DIR%"_s, m_dir.path());
    const QString file = write(relative, text);
    QFile::setPermissions(file, QFile::permissions(file) | QFileDevice::ExeOwner);
    return file;
}

QProcessEnvironment TempHome::env(const QStringList &assignments) const
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_dir.path());
    for (const QString &a : assignments) {
        const qsizetype eq = a.indexOf(u'=');
        env.insert(a.left(eq), a.mid(eq + 1));
    }
    return env;
}

} // namespace sw::test
