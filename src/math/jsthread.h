#pragma once

#include <QThread>

#include <memory>

/// The one worker thread the JavaScript engines (MathJax, highlight.js) run on.
///
/// MathRenderer and CodeHighlighter each hold a reference; the thread starts with the first and
/// stops when the last goes. Their workers live on it, so a formula and a code block never run
/// at the same time and never on the GUI thread. Use from the GUI thread only.
class JsThread
{
public:
    static std::shared_ptr<JsThread> shared();

    JsThread();
    ~JsThread();
    JsThread(const JsThread &) = delete;
    JsThread &operator=(const JsThread &) = delete;

    QThread *thread() { return &m_thread; }

private:
    QThread m_thread;
};
