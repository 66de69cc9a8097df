// stepwatch: the dashboard. Reads the command line, loads the translation of the system
// locale and opens the main window — on the operator's watches, or with --demo on the
// built-in simulator.

#include "mainwindow.h"
#include "screenshottaker.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QLoggingCategory>
#include <QSize>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

bool hasArgument(int argc, char **argv, std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *name : names) {
            if (std::strcmp(argv[i], name) == 0)
                return true;
        }
    }
    return false;
}

void setUpParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate("main",
        "Stepwatch: a dashboard for AWS workflows (Migration Hub Orchestrator, Customer "
        "Profiles, EC2 Image Builder, CodeCatalyst)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"demo"_s,
        QCoreApplication::translate("main",
            "Start on the built-in simulator of the four services (no "
            "AWS account needed).")});
    parser.addOption({u"read-only"_s,
        QCoreApplication::translate("main", "Hide and block every action that changes AWS.")});
    parser.addOption({u"screenshot"_s,
        QCoreApplication::translate(
            "main", "Save a PNG of the window once the first poll is shown, then exit."),
        u"file"_s});
    parser.addOption({u"screenshot-size"_s,
        QCoreApplication::translate(
            "main", "The window size for --screenshot, e.g. 1280x720 (default 1440x900)."),
        u"WxH"_s, u"1440x900"_s});
    parser.addOption({u"verbose"_s,
        QCoreApplication::translate("main", "Log what the AWS layer does (never secrets).")});
}

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(u"Stepwatch"_s);
    QCoreApplication::setApplicationName(u"Stepwatch"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STEPWATCH_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    setApplicationInfo();
    // --help and --version answer without a display, as command-line tools do.
    if (hasArgument(argc, argv, {"--help", "-h", "--help-all", "--version", "-v"})) {
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        setUpParser(parser);
        parser.process(app);
        return 0;
    }
    // A screenshot needs no screen: without one, render offscreen.
    if (hasArgument(argc, argv, {"--screenshot"}) && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral(STEPWATCH_APP_ID));
    QCommandLineParser parser;
    setUpParser(parser);
    parser.process(app);
    if (!parser.isSet(u"verbose"_s))
        QLoggingCategory::setFilterRules(u"stepwatch.*.debug=false"_s);

    sw::installTranslations(&app, QLocale());

    sw::MainWindow::Options options;
    options.demo = parser.isSet(u"demo"_s);
    options.readOnly = parser.isSet(u"read-only"_s);
    QSize screenshotSize;
    if (parser.isSet(u"screenshot"_s)) {
        const QStringList parts = parser.value(u"screenshot-size"_s).split(u'x');
        const int width = parts.value(0).toInt();
        const int height = parts.size() == 2 ? parts.value(1).toInt() : 0;
        if (width < 320 || height < 240 || width > 8000 || height > 8000) {
            std::fprintf(stderr, "%s\n",
                qPrintable(QCoreApplication::translate("main",
                    "--screenshot-size: give WIDTHxHEIGHT, e.g. 1280x720 (from 320x240 to "
                    "8000x8000)")));
            return 2;
        }
        screenshotSize = QSize(width, height);
    }
    auto window = std::make_unique<sw::MainWindow>(options);
    // The size of the picture, whatever screen (or none) this runs on.
    if (screenshotSize.isValid())
        window->resize(screenshotSize);
    // "Try the demo" on the welcome page: a demo window replaces the first one. (A demo window
    // has its watches, so it never shows the welcome page.)
    QObject::connect(window.get(), &sw::MainWindow::demoRequested, &app, [&] {
        sw::MainWindow::Options demo = options;
        demo.demo = true;
        auto next = std::make_unique<sw::MainWindow>(demo);
        next->show();
        window->close();
        window.release()->deleteLater();
        window = std::move(next);
    });
    window->show();

    if (parser.isSet(u"screenshot"_s)) {
        auto *taker = new sw::ScreenshotTaker(window.get(), parser.value(u"screenshot"_s));
        QObject::connect(
            taker, &sw::ScreenshotTaker::finished, &app, [](bool ok, const QString &message) {
                std::fprintf(ok ? stdout : stderr, "%s\n", qPrintable(message));
                QCoreApplication::exit(ok ? 0 : 1);
            });
    }
    return app.exec();
}
