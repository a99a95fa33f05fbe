#include "appearance.h"

#include "logging.h"

#include <QGuiApplication>
#include <QPointer>
#include <QSettings>

namespace {

const QString kSchemeKey = QStringLiteral("appearance/scheme");

Appearance::Scheme storedScheme()
{
    const QString stored = QSettings().value(kSchemeKey).toString();
    if (stored == QLatin1String("light"))
        return Appearance::Scheme::Light;
    if (stored == QLatin1String("dark"))
        return Appearance::Scheme::Dark;
    return Appearance::Scheme::System;
}

QString schemeName(Appearance::Scheme scheme)
{
    switch (scheme) {
    case Appearance::Scheme::Light:
        return QStringLiteral("light");
    case Appearance::Scheme::Dark:
        return QStringLiteral("dark");
    case Appearance::Scheme::System:
        break;
    }
    return QStringLiteral("system");
}

struct Roles
{
    QColor window, windowText, base, alternateBase, text, button, buttonText, highlight,
        highlightedText, placeholder, toolTipBase, toolTipText, light, midlight, mid, dark, shadow,
        link, linkVisited, brightText, disabledText;
};

QPalette paletteOf(const Roles &roles)
{
    QPalette palette;
    palette.setColor(QPalette::Window, roles.window);
    palette.setColor(QPalette::WindowText, roles.windowText);
    palette.setColor(QPalette::Base, roles.base);
    palette.setColor(QPalette::AlternateBase, roles.alternateBase);
    palette.setColor(QPalette::Text, roles.text);
    palette.setColor(QPalette::Button, roles.button);
    palette.setColor(QPalette::ButtonText, roles.buttonText);
    palette.setColor(QPalette::Highlight, roles.highlight);
    palette.setColor(QPalette::HighlightedText, roles.highlightedText);
    palette.setColor(QPalette::PlaceholderText, roles.placeholder);
    palette.setColor(QPalette::ToolTipBase, roles.toolTipBase);
    palette.setColor(QPalette::ToolTipText, roles.toolTipText);
    palette.setColor(QPalette::Light, roles.light);
    palette.setColor(QPalette::Midlight, roles.midlight);
    palette.setColor(QPalette::Mid, roles.mid);
    palette.setColor(QPalette::Dark, roles.dark);
    palette.setColor(QPalette::Shadow, roles.shadow);
    palette.setColor(QPalette::Link, roles.link);
    palette.setColor(QPalette::LinkVisited, roles.linkVisited);
    palette.setColor(QPalette::BrightText, roles.brightText);
    // Disabled controls: their text fades, their surfaces stay, as in Fusion's own palettes.
    for (const QPalette::ColorRole role :
        { QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText })
        palette.setColor(QPalette::Disabled, role, roles.disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, roles.mid);
    return palette;
}

} // namespace

Appearance::Appearance(QObject *parent)
    : QObject(parent)
    , m_scheme(storedScheme())
{ }

Appearance *Appearance::globalInstance()
{
    static QPointer<Appearance> instance;
    if (!instance)
        instance = new Appearance(QCoreApplication::instance());
    return instance;
}

Appearance *Appearance::create(QQmlEngine *, QJSEngine *)
{
    Appearance *appearance = globalInstance();
    QJSEngine::setObjectOwnership(appearance, QJSEngine::CppOwnership);
    return appearance;
}

void Appearance::setScheme(Scheme scheme)
{
    if (m_scheme == scheme)
        return;
    m_scheme = scheme;
    QSettings().setValue(kSchemeKey, schemeName(scheme));
    apply();
    Q_EMIT schemeChanged();
}

void Appearance::applyAtStart()
{
    // "System" at start leaves the platform's palette alone: nothing to apply, nothing to undo.
    if (m_scheme != Scheme::System)
        apply();
}

void Appearance::applyToControls()
{
    if (m_scheme == Scheme::System)
        return;
    // A change is what the controls hear: back to the platform's palette, then the chosen one,
    // both before anything is drawn.
    QGuiApplication::setPalette(QPalette());
    apply();
}

void Appearance::apply()
{
    qCInfo(lcDesktop) << "colour scheme:" << schemeName(m_scheme);
    switch (m_scheme) {
    case Scheme::Light:
        QGuiApplication::setPalette(lightPalette());
        return;
    case Scheme::Dark:
        QGuiApplication::setPalette(darkPalette());
        return;
    case Scheme::System:
        // An application palette without any role set resolves entirely against the platform
        // theme's palette, and follows it again when the desktop changes it.
        QGuiApplication::setPalette(QPalette());
        return;
    }
}

QPalette Appearance::lightPalette()
{
    // Fusion's light palette, the one Qt uses where the platform gives none.
    return paletteOf({
        .window = QColor(0xef, 0xef, 0xef),
        .windowText = QColor(0x1a, 0x1a, 0x1a),
        .base = Qt::white,
        .alternateBase = QColor(0xf7, 0xf7, 0xf7),
        .text = QColor(0x1a, 0x1a, 0x1a),
        .button = QColor(0xef, 0xef, 0xef),
        .buttonText = QColor(0x1a, 0x1a, 0x1a),
        .highlight = QColor(0x30, 0x8c, 0xc6),
        .highlightedText = Qt::white,
        .placeholder = QColor(0x1a, 0x1a, 0x1a, 0x80),
        .toolTipBase = QColor(0xff, 0xff, 0xdc),
        .toolTipText = Qt::black,
        .light = Qt::white,
        .midlight = QColor(0xca, 0xca, 0xca),
        .mid = QColor(0xb8, 0xb8, 0xb8),
        .dark = QColor(0x9f, 0x9f, 0x9f),
        .shadow = QColor(0x76, 0x76, 0x76),
        .link = QColor(0x1a, 0x56, 0xc4),
        .linkVisited = QColor(0x6a, 0x3d, 0xb0),
        .brightText = Qt::white,
        .disabledText = QColor(0x1a, 0x1a, 0x1a, 0x70),
    });
}

QPalette Appearance::darkPalette()
{
    // Close to the dark palettes of Breeze and Adwaita: a grey window, a darker base for
    // fields and the timeline, light text; every text role set, so no control stays light.
    return paletteOf({
        .window = QColor(0x2b, 0x2b, 0x2b),
        .windowText = QColor(0xee, 0xee, 0xee),
        .base = QColor(0x1e, 0x1e, 0x1e),
        .alternateBase = QColor(0x35, 0x35, 0x35),
        .text = QColor(0xee, 0xee, 0xee),
        .button = QColor(0x3a, 0x3a, 0x3a),
        .buttonText = QColor(0xee, 0xee, 0xee),
        .highlight = QColor(0x3d, 0x7a, 0xd6),
        .highlightedText = Qt::white,
        .placeholder = QColor(0xee, 0xee, 0xee, 0x90),
        .toolTipBase = QColor(0x35, 0x35, 0x35),
        .toolTipText = QColor(0xee, 0xee, 0xee),
        .light = QColor(0x4a, 0x4a, 0x4a),
        .midlight = QColor(0x42, 0x42, 0x42),
        .mid = QColor(0x50, 0x50, 0x50),
        .dark = QColor(0x1a, 0x1a, 0x1a),
        .shadow = QColor(0x10, 0x10, 0x10),
        .link = QColor(0x8a, 0xb4, 0xf8),
        .linkVisited = QColor(0xc5, 0x8a, 0xf9),
        .brightText = Qt::white,
        .disabledText = QColor(0xee, 0xee, 0xee, 0x70),
    });
}
