// The app started with Dark (or Light) chosen in Settings draws every control in that scheme from
// the first frame. Qt Quick Controls 6.4 took their palettes from the platform theme when the
// style started and left buttons and fields light on a dark window; the real Main.qml is loaded
// as the app loads it, and the palettes of its controls are read.
#include "desktop/appearance.h"
#include "desktop/appsetup.h"
#include "desktop/desktopsettings.h"
#include "privateappfolders.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(StudyConnectPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_AuthPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_ChatPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_DesktopPlugin)

namespace {

QQuickItem *findItem(QQuickItem *root, const QString &objectName)
{
    if (root->objectName() == objectName)
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    }
    return nullptr;
}

bool isDark(const QColor &color)
{
    return color.lightnessF() < 0.5;
}

} // namespace

class TestAppearanceStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsInTheChosenScheme();
};

void TestAppearanceStart::startsInTheChosenScheme()
{
    QCOMPARE(Appearance::globalInstance()->scheme(), Appearance::Scheme::Dark);
    QQmlApplicationEngine engine;
    QVERIFY(AppSetup::load(engine));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    // The sign-in page as drawn: inside its fields and its tab buttons, away from the text.
    const QImage frame = window->grabWindow();
    QVERIFY(!frame.isNull());
    for (const char *name : { "emailField", "serverField", "passwordModeButton" }) {
        QQuickItem *control = findItem(window->contentItem(), QString::fromLatin1(name));
        QVERIFY2(control, name);
        const QPointF inside = control->mapToScene(QPointF(control->width() - 6, 4));
        const QColor drawn = frame.pixelColor((inside * frame.devicePixelRatio()).toPoint());
        QVERIFY2(isDark(drawn),
            qPrintable(QStringLiteral("%1 is drawn light (%2)")
                           .arg(QString::fromLatin1(name), drawn.name())));
    }
}

int main(int argc, char *argv[])
{
    PrivateAppFolders folders(QStringLiteral("StudyConnect-appearance"));
    QGuiApplication app(argc, argv);
    // Dark chosen, as Settings leaves it.
    QSettings().setValue(QStringLiteral("appearance/scheme"), QStringLiteral("dark"));
    DesktopSettings::globalInstance()->setCommandLineServer(
        QUrl(QStringLiteral("http://127.0.0.1:1")));
    AppSetup::prepare();
    TestAppearanceStart test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_appearancestart.moc"
