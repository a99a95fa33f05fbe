#pragma once

#include "mathsvg.h"

#include <QCache>
#include <QColor>
#include <QImage>
#include <QObject>
#include <QSet>

#include <memory>

class JsThread;
class MathWorker;

/// Turns TeX into pictures without a web engine and without blocking the GUI thread.
///
/// MathJax 3 (TeX in, SVG out, bundled by tools/jsengine into the resources) runs in a QJSEngine
/// on the JsThread (shared with CodeHighlighter). The engine is loaded on the first request and
/// freed after idleUnloadMs() without one; each formula has timeLimitMs() to finish before a
/// watchdog interrupts it. The SVG is drawn by QSvgRenderer at the size the text font gives to
/// MathJax's ex units, in the requested colour. Pictures are cached by everything that shapes them
/// (source, display or inline, font size, colour, device pixel ratio), and so are failures, so that
/// a broken formula scrolled past again costs nothing.
///
/// request() returns a key; rendered() or failed() follows with that key, always later (from the
/// event loop), even when the answer is in the cache. The same request while one is in flight
/// gets the same key and one answer.
class MathRenderer : public QObject
{
    Q_OBJECT
    /// Whether the JavaScript engine is in memory (loaded on demand, freed when idle).
    Q_PROPERTY(bool engineLoaded READ engineLoaded NOTIFY engineLoadedChanged)

public:
    static constexpr int DefaultTimeLimitMs = 2000;
    static constexpr int DefaultIdleUnloadMs = 60'000;
    static constexpr qint64 DefaultCacheBytes = 32 * 1024 * 1024;
    /// Longer sources are refused without running MathJax.
    static constexpr int MaxSourceLength = 4000;
    /// Deeper brace nesting is refused without running MathJax (its parser recurses).
    static constexpr int MaxBraceDepth = 100;

    explicit MathRenderer(QObject *parent = nullptr);
    ~MathRenderer() override;

    /// Asks for `tex` (without delimiters) drawn at `fontPixelSize` (the surrounding text's
    /// pixel size: 1 ex is its x-height) in `color` for a screen of `devicePixelRatio`.
    QString request(const QString &tex, bool display, qreal fontPixelSize, const QColor &color,
        qreal devicePixelRatio = 1.0);

    /// The picture for a key already rendered, or nullptr. Valid until the next request.
    const MathPicture *cached(const QString &key) const { return m_cache.object(key); }

    bool engineLoaded() const { return m_engineLoaded; }

    int timeLimitMs() const { return m_timeLimitMs; }
    void setTimeLimitMs(int ms);
    int idleUnloadMs() const { return m_idleUnloadMs; }
    void setIdleUnloadMs(int ms);
    void setCacheCapacityBytes(qint64 bytes);

Q_SIGNALS:
    /// `image` has the requested device pixel ratio; `verticalAlign` is MathPicture's.
    void rendered(const QString &key, const QImage &image, qreal verticalAlign);
    /// `reason` is for a tooltip or a log, in English.
    void failed(const QString &key, const QString &reason);
    void engineLoadedChanged();

private:
    void onRendered(const QString &key, const QImage &image, qreal verticalAlign);
    void onFailed(const QString &key, const QString &reason);
    void setEngineLoaded(bool loaded);
    /// Why `tex` is refused before it reaches MathJax, or an empty string.
    static QString precheck(const QString &tex);

    std::shared_ptr<JsThread> m_jsThread;
    MathWorker *m_worker = nullptr;
    /// Cost: bytes of the image (cost is an int, so the capacity is at most 2 GB).
    QCache<QString, MathPicture> m_cache;
    QCache<QString, QString> m_failures;
    QSet<QString> m_inFlight;
    int m_timeLimitMs = DefaultTimeLimitMs;
    int m_idleUnloadMs = DefaultIdleUnloadMs;
    bool m_engineLoaded = false;
};
