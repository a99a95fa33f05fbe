#pragma once

#include <QColor>
#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QUrl>
#include <QVariantMap>

/// Helpers the views call on untrusted text. None of them interpret markup.
class TextTools : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// The system's fixed-pitch font family (code blocks, formulas' sources).
    Q_PROPERTY(QString fixedFontFamily READ fixedFontFamily CONSTANT)

public:
    explicit TextTools(QObject *parent = nullptr);

    /// The http(s) link containing the character at `position`, or an empty URL.
    Q_INVOKABLE QUrl linkAt(const QString &text, int position) const;
    Q_INVOKABLE bool hasLinks(const QString &text) const;
    /// True when the text may hold Markdown or math and is drawn by RichMessageBody; false for
    /// plain text, which keeps the plain path (MessageText). See RichDocument::needsRendering.
    Q_INVOKABLE bool needsRichText(const QString &text) const;
    QString fixedFontFamily() const;
    /// Up to two letters for an avatar: "Ada Lovelace" → "AL", "grace" → "G", "" → "?".
    Q_INVOKABLE QString initials(const QString &name) const;
    /// A stable colour for a name (the same name always gets the same hue), dark enough for white
    /// initials on it in light and dark palettes.
    Q_INVOKABLE QColor avatarColor(const QString &name) const;
    /// Opens an http(s) URL in the browser; refuses every other scheme. True when handed over.
    Q_INVOKABLE bool openLink(const QUrl &url);
    /// Puts plain text on the system clipboard (Copy text on a message).
    Q_INVOKABLE void copyText(const QString &text) const;
    /// The mention being typed before `cursor`: {start, prefix} when an "@" starts a word and
    /// only letters, digits, "-", "_" or "." follow it up to the cursor ("Hi @Ad|" →
    /// {start: 3, prefix: "Ad"}); an empty map otherwise.
    Q_INVOKABLE QVariantMap mentionQueryAt(const QString &text, int cursor) const;

Q_SIGNALS:
    /// No application opened this http(s) link (no browser installed): the window says so.
    void linkOpenFailed(const QUrl &url);
};
