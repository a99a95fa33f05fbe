#include "jsthread.h"

namespace {

// Enough for MathJax's recursive parser and output on formulas of MaxSourceLength characters.
constexpr uint StackBytes = 16 * 1024 * 1024;

} // namespace

std::shared_ptr<JsThread> JsThread::shared()
{
    static std::weak_ptr<JsThread> current;
    std::shared_ptr<JsThread> thread = current.lock();
    if (!thread) {
        thread = std::make_shared<JsThread>();
        current = thread;
    }
    return thread;
}

JsThread::JsThread()
{
    m_thread.setObjectName(QStringLiteral("JsEngines"));
    m_thread.setStackSize(StackBytes);
    m_thread.start(QThread::LowPriority);
}

JsThread::~JsThread()
{
    m_thread.quit();
    m_thread.wait();
}
