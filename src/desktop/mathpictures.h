#pragma once

#include <QCache>
#include <QColor>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QQuickImageProvider>
#include <QSet>
#include <QSize>

class MathRenderer;

/// The app's one MathRenderer, and the formulas it drew, for the views.
///
/// Text items show a formula as <img src="image://math/ID"> (MathText writes that html), which
/// MathPictureProvider serves from here. The provider runs wherever Qt Quick loads pictures, so
/// the pictures are kept behind a mutex; everything else is GUI-thread only. An id names one
/// picture (source, display or inline, size, colour, device pixel ratio) and holds no TeX, so
/// a formula never travels through a URL.
class MathPictures : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Pending, ///< asked for; drawn on the renderer's thread, pictureReady() follows
        Ready, ///< `id` names the picture, `size` is its size in logical pixels
        Failed, ///< bad TeX, or too slow: `error` says why (English, for a tooltip)
    };

    struct Formula
    {
        State state = State::Pending;
        QString id;
        QSizeF size;
        QString error;
    };

    static MathPictures *instance();
    ~MathPictures() override;

    /// What there is for the formula now; asks the renderer for it the first time.
    Formula formula(const QString &tex, bool display, qreal fontPixelSize, const QColor &color,
        qreal devicePixelRatio);
    /// The picture an id names, or a null image (any thread).
    QImage picture(const QString &id) const;

    MathRenderer *renderer() const { return m_renderer; }

Q_SIGNALS:
    /// The formula with this id is drawn, or failed: ask formula() again.
    void formulaSettled(const QString &id);

private:
    explicit MathPictures(QObject *parent = nullptr);
    static QString idOf(const QString &description);

    MathRenderer *m_renderer = nullptr;
    /// Id → the answer, once it came (formula() reads them on the GUI thread).
    QHash<QString, Formula> m_settled;
    /// Renderer key → id, for the answers still to come.
    QHash<QString, QString> m_pending;
    QSet<QString> m_pendingIds;
    mutable QMutex m_picturesLock;
    /// Id → picture: what the provider serves, costed in bytes. A picture it forgot is drawn
    /// again when a view asks for it (formula() checks).
    QCache<QString, QImage> m_pictures;
};

/// image://math/ID: the pictures MathPictures drew (nothing else, never a file or the network).
class MathPictureProvider : public QQuickImageProvider
{
public:
    MathPictureProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;
};
