// One upload and one download of a file through RestClient (FileUpload, FileDownload), timed,
// with the process's resident memory before and at its peak during each. bench/files/run.sh runs
// it beside curl with the same file; see there.
//
//   bench_filetransfer --server URL --token TOKEN --file PATH --out DIR
//
// Prints one JSON object: {"bytes", "uploadSeconds", "downloadSeconds", "rssBeforeUploadKiB",
// "peakRssUploadKiB", "rssBeforeDownloadKiB", "peakRssDownloadKiB", "fileId"}.
#include "api/filedownload.h"
#include "api/fileupload.h"
#include "api/restclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

/// A field of /proc/self/status in KiB ("VmRSS", "VmHWM"); -1 where there is none.
qint64 statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Resets VmHWM to the current RSS (Linux 4.0+), so that it is the peak from now on.
bool resetPeak()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

/// The RSS before a transfer and its peak until the transfer finishes: VmHWM after a reset, or
/// (where that cannot be reset) the highest VmRSS sampled every millisecond.
struct Peak
{
    qint64 before = 0;
    qint64 peak = 0;
};

template<typename Transfer>
Peak measure(Transfer *transfer)
{
    Peak result;
    result.before = statusKiB("VmRSS");
    const bool hwm = resetPeak();
    qint64 sampled = result.before;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &sampler,
        [&sampled] { sampled = std::max(sampled, statusKiB("VmRSS")); });
    // Sampling wakes the thread that feeds the upload every millisecond: only where VmHWM
    // cannot be reset.
    if (!hwm)
        sampler.start(1);
    if (!transfer->isFinished()) {
        QEventLoop loop;
        QObject::connect(transfer, &Transfer::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    sampler.stop();
    sampled = std::max(sampled, statusKiB("VmRSS"));
    result.peak = hwm ? std::max(statusKiB("VmHWM"), sampled) : sampled;
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString server, token, file, out;
    const QStringList arguments = app.arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        const QString &name = arguments.at(i);
        const QString &value = arguments.at(i + 1);
        if (name == QLatin1String("--server"))
            server = value;
        else if (name == QLatin1String("--token"))
            token = value;
        else if (name == QLatin1String("--file"))
            file = value;
        else if (name == QLatin1String("--out"))
            out = value;
    }
    QTextStream err(stderr);
    if (server.isEmpty() || token.isEmpty() || file.isEmpty() || out.isEmpty()) {
        err << "usage: bench_filetransfer --server URL --token TOKEN --file PATH --out DIR\n";
        return 2;
    }

    RestClient rest;
    rest.setBaseUrl(QUrl(server));
    rest.setToken(token);

    // A small upload first: the network thread, its buffers and the code paths exist before the
    // figures start, as in an app that has talked to its server already.
    QTemporaryFile warmUp;
    if (!warmUp.open() || warmUp.write("warm-up") != 7 || !warmUp.flush())
        return 1;
    FileUpload *first = rest.uploadFile(warmUp.fileName(), &rest);
    measure(first);
    if (!first->error().ok()) {
        err << "warm-up upload failed: " << first->error().message << '\n';
        return 1;
    }

    QElapsedTimer timer;
    timer.start();
    FileUpload *upload = rest.uploadFile(file, &rest);
    const Peak uploadMemory = measure(upload);
    const double uploadSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!upload->error().ok()) {
        err << "upload failed: " << upload->error().message << '\n';
        return 1;
    }

    const QString target = QDir(out).filePath(QStringLiteral("bench-download.bin"));
    QFile::remove(target);
    timer.restart();
    FileDownload *download = rest.downloadFile(upload->result().id, target, &rest);
    const Peak downloadMemory = measure(download);
    const double downloadSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!download->error().ok()) {
        err << "download failed: " << download->error().message << '\n';
        return 1;
    }
    if (QFileInfo(target).size() != QFileInfo(file).size()) {
        err << "the download's size differs from the file's\n";
        return 1;
    }

    const QJsonObject result { { QStringLiteral("bytes"), QFileInfo(file).size() },
        { QStringLiteral("uploadSeconds"), uploadSeconds },
        { QStringLiteral("downloadSeconds"), downloadSeconds },
        { QStringLiteral("rssBeforeUploadKiB"), uploadMemory.before },
        { QStringLiteral("peakRssUploadKiB"), uploadMemory.peak },
        { QStringLiteral("rssBeforeDownloadKiB"), downloadMemory.before },
        { QStringLiteral("peakRssDownloadKiB"), downloadMemory.peak },
        { QStringLiteral("fileId"), upload->result().id } };
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return 0;
}
