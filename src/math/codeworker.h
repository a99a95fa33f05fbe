#pragma once

#include "codehighlighter.h"
#include "scriptworker.h"

/// highlight.js (:/jsengine/highlight.js) on the JsThread. Internal to CodeHighlighter:
/// highlight() runs on the worker thread.
class CodeWorker : public ScriptWorker
{
    Q_OBJECT

public:
    CodeWorker(int timeLimitMs, int idleUnloadMs);

    void highlight(const QString &key, const QString &code, const QString &language);

    /// Reads StudyHighlight.tokens()'s JSON; false when it is not what the script writes.
    static bool parseTokens(const QByteArray &json, int codeLength, CodeHighlight *result);

Q_SIGNALS:
    void highlighted(const QString &key, const CodeHighlight &result);
    void failed(const QString &key, const QString &reason);
};
