#pragma once

#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <functional>
#include <vector>

class QSqlDatabase;

/// A thread with its own SQLite connection to one store file, running the jobs posted to it in
/// order. Qt SQL connections belong to the thread that opened them, so each thread of the store
/// (the writer, the searcher) is one of these.
///
/// With `batched`, every job waiting when the thread wakes runs in one transaction: a burst of
/// ten thousand messages costs one commit, not ten thousand, and the GUI thread only ever appends
/// to a queue.
class StoreThread : public QThread
{
public:
    using Job = std::function<void(QSqlDatabase &db)>;
    /// Called on this thread when a batch could not be committed (disk full, file removed).
    using ErrorHandler = std::function<void(const QString &error)>;

    StoreThread(
        const QString &path, const QString &connectionName, bool batched, ErrorHandler onError);
    ~StoreThread() override;

    /// Thread-safe. `afterCommit` runs on this thread once the job's batch is committed (or has
    /// failed). Jobs posted after stop() are dropped.
    void post(Job job, std::function<void()> afterCommit = {});
    struct Entry
    {
        Job job;
        std::function<void()> afterCommit;
    };
    /// Several jobs at once (one wake-up).
    void post(std::vector<Entry> entries);
    /// Returns once every job posted so far has run (tests, quitting).
    void waitForIdle();
    /// Runs what is queued, closes the connection and ends the thread.
    void stop();

protected:
    void run() override;

private:
    bool runBatch(QSqlDatabase &db, std::vector<Entry> &jobs);

    const QString m_path;
    const QString m_connectionName;
    const bool m_batched;
    ErrorHandler m_onError;
    QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_idle;
    std::vector<Entry> m_jobs;
    bool m_busy = false;
    bool m_stopping = false;
};
