#include "storethread.h"

#include "storeschema.h"

#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlError>

StoreThread::StoreThread(
    const QString &path, const QString &connectionName, bool batched, ErrorHandler onError)
    : m_path(path)
    , m_connectionName(connectionName)
    , m_batched(batched)
    , m_onError(std::move(onError))
{
    setObjectName(connectionName);
}

StoreThread::~StoreThread()
{
    stop();
}

void StoreThread::post(Job job, std::function<void()> afterCommit)
{
    QMutexLocker lock(&m_mutex);
    if (m_stopping)
        return;
    m_jobs.push_back({ std::move(job), std::move(afterCommit) });
    m_wake.wakeOne();
}

void StoreThread::post(std::vector<Entry> entries)
{
    QMutexLocker lock(&m_mutex);
    if (m_stopping)
        return;
    for (Entry &entry : entries)
        m_jobs.push_back(std::move(entry));
    m_wake.wakeOne();
}

void StoreThread::waitForIdle()
{
    QMutexLocker lock(&m_mutex);
    while (isRunning() && (m_busy || !m_jobs.empty()))
        m_idle.wait(&m_mutex);
}

void StoreThread::stop()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeOne();
    }
    wait();
}

void StoreThread::run()
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_path);
        QString error;
        if (!db.open() || !StoreSchema::configureConnection(db, &error)) {
            if (error.isEmpty())
                error = db.lastError().text();
            m_onError(error);
            db.close();
            QMutexLocker lock(&m_mutex);
            m_stopping = true;
        }
        for (;;) {
            std::vector<Entry> jobs;
            {
                QMutexLocker lock(&m_mutex);
                while (m_jobs.empty() && !m_stopping) {
                    m_busy = false;
                    m_idle.wakeAll();
                    m_wake.wait(&m_mutex);
                }
                if (m_jobs.empty())
                    break;
                jobs.swap(m_jobs);
                m_busy = true;
            }
            if (db.isOpen())
                runBatch(db, jobs);
            // Also after a failure: whoever waits for a write must not wait for ever.
            for (Entry &entry : jobs) {
                if (entry.afterCommit)
                    entry.afterCommit();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    QMutexLocker lock(&m_mutex);
    m_busy = false;
    m_idle.wakeAll();
}

bool StoreThread::runBatch(QSqlDatabase &db, std::vector<Entry> &jobs)
{
    if (!m_batched) {
        for (Entry &entry : jobs)
            entry.job(db);
        return true;
    }
    if (!db.transaction()) {
        m_onError(db.lastError().text());
        return false;
    }
    for (Entry &entry : jobs)
        entry.job(db);
    if (!db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        m_onError(error);
        return false;
    }
    return true;
}
