#pragma once

#include <QCache>
#include <QList>
#include <QObject>
#include <QSet>

#include <memory>

class CodeWorker;
class JsThread;

/// One highlighted range of a code block, in UTF-16 code units of the code.
struct CodeToken
{
    int start = 0;
    int length = 0;
    /// highlight.js's scope: "keyword", "string", "comment", "title.function", "params"...
    QString scope;

    friend bool operator==(const CodeToken &, const CodeToken &) = default;
};

/// The tokens of a code block, from highlight.js.
struct CodeHighlight
{
    /// The language highlight.js used (its name, "python" for "py"); empty when it knew none.
    QString language;
    /// In order of start; a range inside another (a string inside a function's parameters)
    /// comes after it, so applying them in order leaves the innermost scope on top.
    QList<CodeToken> tokens;
};

/// Syntax colours for code blocks from highlight.js 11 (Python, C, C++, C#, Java, JavaScript,
/// TypeScript, JSON, SQL, Bash, XML/HTML), run as MathRenderer runs MathJax: a QJSEngine of its
/// own on the shared JsThread, loaded on the first request, freed when idle, a time limit per
/// block, results cached by (language, code). The view formats the text itself from the ranges;
/// no HTML is produced or parsed.
///
/// request() returns a key; highlighted() or failed() follows with it, always from the event
/// loop. An unknown language is not a failure: it gives no tokens and an empty language.
class CodeHighlighter : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool engineLoaded READ engineLoaded NOTIFY engineLoadedChanged)

public:
    static constexpr int DefaultTimeLimitMs = 2000;
    static constexpr int DefaultIdleUnloadMs = 60'000;
    /// Larger blocks are shown without colours rather than handed to the engine.
    static constexpr int MaxCodeLength = 100'000;
    static constexpr int CacheEntries = 500;

    explicit CodeHighlighter(QObject *parent = nullptr);
    ~CodeHighlighter() override;

    /// `language`: a name or alias highlight.js knows ("py", "c++", "js"); empty: no colours.
    QString request(const QString &code, const QString &language);
    /// The tokens for a key already highlighted, or nullptr. Valid until the next request.
    const CodeHighlight *cached(const QString &key) const { return m_cache.object(key); }

    bool engineLoaded() const { return m_engineLoaded; }
    void setTimeLimitMs(int ms);
    void setIdleUnloadMs(int ms);

Q_SIGNALS:
    void highlighted(const QString &key, const CodeHighlight &result);
    void failed(const QString &key, const QString &reason);
    void engineLoadedChanged();

private:
    void onHighlighted(const QString &key, const CodeHighlight &result);
    void onFailed(const QString &key, const QString &reason);
    void setEngineLoaded(bool loaded);

    std::shared_ptr<JsThread> m_jsThread;
    CodeWorker *m_worker = nullptr;
    QCache<QString, CodeHighlight> m_cache;
    QCache<QString, QString> m_failures;
    QSet<QString> m_inFlight;
    bool m_engineLoaded = false;
};
