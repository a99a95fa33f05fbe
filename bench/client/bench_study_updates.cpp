// Edits and reactions in a 10,000-message room: how long one change takes from the decoded
// `message:updated` / `message:reactions` event to the row's dataChanged (and a view reading the
// changed roles back), and that it touches exactly one row: no reset, no insert, no layout change.
//
// Peer in the same run: QStandardItemModel with 10,000 rows, setData() on one row's text and a
// read back — what a plain Qt model costs for the same one-row change.
#include "chat/chatconnection.h"
#include "chat/messagelistmodel.h"
#include "chat/socketservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QStandardItemModel>
#include <QTextStream>

#include <algorithm>
#include <random>

namespace {

constexpr int kMessages = 10000;
constexpr int kUpdates = 4000;

struct Figures
{
    double p50 = 0, p99 = 0, max = 0;
};

Figures figuresOf(std::vector<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    auto at = [&](double q) { return double(ns[size_t(q * double(ns.size() - 1))]) / 1000.0; };
    return { at(0.5), at(0.99), double(ns.back()) / 1000.0 };
}

QString line(const QString &what, const Figures &f)
{
    return QStringLiteral("%1 p50 %2 µs, p99 %3 µs, max %4 µs")
        .arg(what, -34)
        .arg(f.p50, 0, 'f', 1)
        .arg(f.p99, 0, 'f', 1)
        .arg(f.max, 0, 'f', 1);
}

SocketIo::Arguments event(const QVariantMap &payload)
{
    return SocketIo::Arguments::fromVariantList({ payload });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    std::mt19937 random(7);

    SocketService service(nullptr);
    MessageListModel *model = service.roomMessages(QStringLiteral("1"));
    const QVariantMap sender { { QStringLiteral("id"), 10 },
        { QStringLiteral("firstName"), QStringLiteral("Ada") },
        { QStringLiteral("lastName"), QStringLiteral("Lovelace") } };
    // One message in ten is a reply: an edit then also updates the quotes of it.
    for (int id = 1; id <= kMessages; ++id) {
        QVariantMap payload { { QStringLiteral("id"), id }, { QStringLiteral("roomId"), 1 },
            { QStringLiteral("sender"), sender },
            { QStringLiteral("text"), QStringLiteral("question number %1 about limits").arg(id) },
            { QStringLiteral("createdAt"),
                QDateTime::fromMSecsSinceEpoch(1741600000000 + id * 1000, Qt::UTC)
                    .toString(Qt::ISODateWithMs) } };
        if (id % 10 == 0) {
            payload.insert(QStringLiteral("replyTo"),
                QVariantMap { { QStringLiteral("id"), id - 3 },
                    { QStringLiteral("sender"), sender },
                    { QStringLiteral("text"), QStringLiteral("question number %1").arg(id - 3) } });
        }
        service.connection()->dispatchEvent(QStringLiteral("message:received"), event(payload));
    }
    QCoreApplication::processEvents();
    if (model->rowCount() != kMessages) {
        out << "error: the model holds " << model->rowCount() << " rows\n";
        return 1;
    }

    int changedRows = 0, resets = 0, inserts = 0, layouts = 0;
    QObject::connect(model, &QAbstractItemModel::dataChanged,
        [&](const QModelIndex &from, const QModelIndex &to) {
            changedRows += to.row() - from.row() + 1;
        });
    QObject::connect(model, &QAbstractItemModel::modelReset, [&] { ++resets; });
    QObject::connect(model, &QAbstractItemModel::rowsInserted, [&] { ++inserts; });
    QObject::connect(model, &QAbstractItemModel::layoutChanged, [&] { ++layouts; });

    // Prepared beforehand (not timed): the decoded events, half edits, half reactions.
    std::uniform_int_distribution<int> pick(1, kMessages);
    std::vector<std::pair<QString, SocketIo::Arguments>> updates;
    std::vector<int> targets;
    for (int i = 0; i < kUpdates; ++i) {
        const int id = pick(random);
        targets.push_back(id);
        if (i % 2 == 0) {
            updates.emplace_back(QStringLiteral("message:updated"),
                event({ { QStringLiteral("kind"), QStringLiteral("room") },
                    { QStringLiteral("id"), id }, { QStringLiteral("roomId"), 1 },
                    { QStringLiteral("text"),
                        QStringLiteral("edited %1 (take %2)").arg(id).arg(i) },
                    { QStringLiteral("editedAt"), QStringLiteral("2026-12-01T10:00:00.000Z") },
                    { QStringLiteral("mentions"), QVariantList() } }));
        } else {
            const QVariantMap reaction { { QStringLiteral("emoji"), QStringLiteral("👍") },
                { QStringLiteral("count"), 2 },
                { QStringLiteral("userIds"), QVariantList { 10, 11 + i % 5 } } };
            updates.emplace_back(QStringLiteral("message:reactions"),
                event({ { QStringLiteral("kind"), QStringLiteral("room") },
                    { QStringLiteral("id"), id }, { QStringLiteral("roomId"), 1 },
                    { QStringLiteral("reactions"), QVariantList { reaction } } }));
        }
    }

    std::vector<qint64> edits, reactions;
    QElapsedTimer timer;
    int checked = 0;
    for (size_t i = 0; i < updates.size(); ++i) {
        timer.start();
        service.connection()->dispatchEvent(updates[i].first, updates[i].second);
        // What a delegate does on dataChanged: read the changed roles of its row.
        const QModelIndex index = model->index(model->rowOfNumericId(targets[i]));
        const QVariant text = model->data(index, MessageListModel::TextRole);
        const QVariant list = model->data(index, MessageListModel::ReactionsRole);
        (i % 2 == 0 ? edits : reactions).push_back(timer.nsecsElapsed());
        checked +=
            (i % 2 == 0 ? text.toString().startsWith(u"edited") : !list.toList().isEmpty()) ? 1 : 0;
    }

    // The peer: the same number of one-row changes in a plain Qt model of the same size.
    QStandardItemModel peer(kMessages, 1);
    for (int row = 0; row < kMessages; ++row)
        peer.setItem(row, new QStandardItem(QStringLiteral("question number %1").arg(row)));
    std::vector<qint64> peerNs;
    for (int i = 0; i < kUpdates; ++i) {
        const int row = targets[size_t(i)] - 1;
        timer.start();
        peer.setData(peer.index(row, 0), QStringLiteral("edited %1").arg(i));
        const QVariant text = peer.data(peer.index(row, 0));
        peerNs.push_back(timer.nsecsElapsed());
        checked += text.isValid() ? 0 : -1;
    }

    // An edit of a quoted message also changes the quoting row (its ReplyToTextRole).
    int quotingRows = 0;
    for (size_t i = 0; i < targets.size(); i += 2)
        quotingRows += (targets[i] + 3) % 10 == 0 && targets[i] + 3 <= kMessages ? 1 : 0;
    const Figures edit = figuresOf(edits), react = figuresOf(reactions), plain = figuresOf(peerNs);
    out << "room: " << kMessages << " messages (one in ten a reply); " << kUpdates
        << " changes (half edits, half reactions)\n";
    out << line(QStringLiteral("edit (event → dataChanged → read):"), edit) << '\n';
    out << line(QStringLiteral("reactions (same):"), react) << '\n';
    out << line(QStringLiteral("peer QStandardItemModel setData:"), plain) << '\n';
    out << "ratio p50 edit/peer: " << QString::number(edit.p50 / plain.p50, 'f', 2)
        << ", reactions/peer: " << QString::number(react.p50 / plain.p50, 'f', 2) << '\n';
    out << "rows changed: " << changedRows << " (one per change: " << kUpdates << ", plus "
        << quotingRows << " quoting replies of edited messages), resets: " << resets
        << ", inserts: " << inserts << ", layout changes: " << layouts << '\n';
    const bool ok = changedRows == kUpdates + quotingRows && resets == 0 && inserts == 0
        && layouts == 0 && checked == kUpdates && edit.p99 < 1000 && react.p99 < 1000;
    out << (ok ? "OK: every change touched one row, p99 under 1 ms\n" : "FAILED\n");
    return ok ? 0 : 1;
}
