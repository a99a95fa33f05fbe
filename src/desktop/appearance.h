#pragma once

#include <QObject>
#include <QPalette>
#include <QQmlEngine>

/// The colour scheme the user chose in Settings: the system's palette, or a light or dark one
/// whatever the system says. Applied as the application palette, so that the Fusion controls,
/// SystemPalette and therefore Theme.qml all follow it at once, while the app runs.
///
/// Qt 6.4 has no colour-scheme API: "System" is whatever palette the platform theme gives (the
/// desktop's light or dark one through its Qt platform theme), and Theme.qml calls it dark when
/// the window colour is dark.
class Appearance : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(Scheme scheme READ scheme WRITE setScheme NOTIFY schemeChanged)

public:
    enum class Scheme
    {
        System,
        Light,
        Dark,
    };
    Q_ENUM(Scheme)

    /// Not default-constructible on purpose: Qt 6.4 would then build the QML singleton with
    /// `new Appearance` and ignore create(), giving QML a second instance.
    explicit Appearance(QObject *parent);

    static Appearance *globalInstance();
    static Appearance *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    Scheme scheme() const { return m_scheme; }
    /// Remembers the choice (QSettings) and applies it.
    void setScheme(Scheme scheme);

    /// AppSetup, before the first window: applies the remembered choice.
    void applyAtStart();
    /// AppSetup, once the window is loaded and before its first frame: Qt Quick Controls 6.4
    /// take their palettes from the platform theme when the style starts and follow only later
    /// changes of the application palette, so a Light or Dark chosen before is given again.
    void applyToControls();

    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void schemeChanged();

private:
    void apply();

    Scheme m_scheme = Scheme::System;
};
