#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSize>
#include <QString>
#include <QUrl>

/// What the views do with attachments: their pictures' sources, Save as…, Open with the desktop's
/// default application, and a picture pasted from the clipboard. Downloads go through
/// AttachmentStore (the app's RestClient, the token only to the server's own origin) into the
/// cache folder. One file at a time shows its progress; a failure is said in `error`.
class FileActions : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// A download for Save as… or Open is running.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// The file the latest Save as… or Open is about ("" when none runs).
    Q_PROPERTY(QString activeFileId READ activeFileId NOTIFY busyChanged)
    /// Its download, 0..1; -1 while the size is unknown.
    Q_PROPERTY(qreal progress READ progress NOTIFY progressChanged)
    /// Why the last Save as… or Open failed, a sentence for the user; "" when it did not.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    /// No default: an engine makes its FileActions with create() (Qt 6.4 would take a default
    /// constructor instead).
    explicit FileActions(QObject *parent);
    /// Made by the engine: registers image://attachment on it first.
    static FileActions *create(QQmlEngine *engine, QJSEngine *scriptEngine);

    bool busy() const { return m_running > 0; }
    QString activeFileId() const { return m_activeFileId; }
    qreal progress() const { return m_progress; }
    QString error() const { return m_error; }

    /// image://attachment/<id> for a server file id; an empty URL for anything else.
    Q_INVOKABLE QUrl imageSource(const QString &fileId) const;
    /// The picture of a file the user attached (a draft or a pending message), before it is
    /// uploaded: only the chat layer's local paths come here, never text from a message.
    Q_INVOKABLE QUrl localImageSource(const QString &localPath) const;
    /// The size a picture the user attached is shown at (its header only, EXIF orientation
    /// applied), for its place in a pending message before the server measured it; 0 × 0 when
    /// it is no picture.
    Q_INVOKABLE QSize localImageSize(const QString &localPath) const;

    /// Downloads the file (or takes the cached copy) and writes it to `target` (a file: URL from
    /// a save dialog, which already asked about replacing).
    Q_INVOKABLE void saveAs(const QString &fileId, const QString &name, const QUrl &target);
    /// Downloads the file and opens it with the desktop's default application for its type.
    Q_INVOKABLE void open(const QString &fileId, const QString &name);
    /// Where a save dialog starts: the Downloads folder and the file's cleaned name.
    Q_INVOKABLE QUrl suggestedSaveUrl(const QString &name) const;
    Q_INVOKABLE void clearError();

    /// True when the clipboard holds a picture and no text (Ctrl+V then attaches the picture).
    Q_INVOKABLE bool clipboardHasImage() const;
    /// Writes the clipboard's picture as a PNG into the cache folder and returns its file: URL;
    /// an empty URL when there is none or it could not be written (`error` says why).
    Q_INVOKABLE QUrl saveClipboardImage();

    /// The file name a saved or opened copy gets: cleaned, never empty. Public for the tests.
    static QString safeFileName(const QString &name);

Q_SIGNALS:
    void busyChanged();
    void progressChanged();
    void errorChanged();
    /// Save as… wrote `path`.
    void saved(const QString &path);
    /// Open handed `path` to the desktop.
    void opened(const QString &path);

private:
    /// Fetches the file, following its progress, then calls `done` with the cached path.
    void fetch(const QString &fileId, std::function<void(const QString &path)> done);
    void setError(const QString &error);
    void setProgress(qreal progress);

    int m_running = 0;
    QString m_activeFileId;
    qreal m_progress = -1;
    QString m_error;
};
