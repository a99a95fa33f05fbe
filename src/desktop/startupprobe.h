#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QQmlEngine>
#include <QSet>
#include <QString>

class QQuickWindow;

/// Start-up milestones for the benchmark (bench/app): the time from main() and the wall clock
/// when the first frame is on screen, when the room list first shows rooms, and so on. Logged
/// once per milestone in the category "studyconnect.desktop.startup", which is off unless
/// enabled (QT_LOGGING_RULES="studyconnect.desktop.startup.info=true").
class StartupProbe : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    /// Not default-constructible on purpose: Qt 6.4 would then build the QML singleton with
    /// `new StartupProbe` and ignore create(), giving QML a second instance.
    explicit StartupProbe(QObject *parent);

    static StartupProbe *globalInstance();
    static StartupProbe *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    /// Call first thing in main().
    static void startClock();
    /// Marks "first frame" after the window's first frame has been swapped.
    void watchFirstFrame(QQuickWindow *window);

    /// Logs `milestone` the first time it is reached; later calls do nothing.
    Q_INVOKABLE void mark(const QString &milestone);

private:
    static void log(const QString &milestone);

    QSet<QString> m_reached;
};
