// Outbox and HistorySync on their own, with an injected transport: what happens to a message
// when acks are lost, echoes overtake acks, the link drops mid-send or the server refuses; and
// the paging rules of history and catch-up.
#include "chat/historysync.h"
#include "chat/outbox.h"

#include <QSignalSpy>
#include <QTest>

#include <deque>

namespace {

/// Records every transmission and lets the test answer it later, in any order.
struct FakeLink
{
    struct Sent
    {
        Outbox::Entry entry;
        Outbox::Done done;
    };
    std::vector<Sent> sent;

    Outbox::Sender sender()
    {
        return [this](const Outbox::Entry &entry, Outbox::Done done) {
            sent.push_back({ entry, std::move(done) });
        };
    }
    static Outbox::SendResult accepted(const QString &id)
    {
        Outbox::SendResult result;
        result.outcome = Outbox::SendResult::Outcome::Accepted;
        result.id = id;
        result.createdAtMs = 1000;
        return result;
    }
    static Outbox::SendResult outcome(Outbox::SendResult::Outcome kind, const QString &error = {})
    {
        Outbox::SendResult result;
        result.outcome = kind;
        result.error = error;
        return result;
    }
};

const ConversationKey kRoom = ConversationKey::room(QStringLiteral("3"));
const ConversationKey kDirect = ConversationKey::directWith(QStringLiteral("7"));

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

    std::unique_ptr<Outbox> outbox(FakeLink &link)
    {
        auto box = std::make_unique<Outbox>(link.sender());
        int next = 0;
        box->setClientIdFactory([next]() mutable { return QStringLiteral("c%1").arg(++next); });
        return box;
    }

private Q_SLOTS:
    void offlineSendsWaitAndGoInOrder()
    {
        FakeLink link;
        auto box = outbox(link);
        QSignalSpy added(box.get(), &Outbox::added);
        QCOMPARE(box->enqueue(kRoom, QStringLiteral("one"), 1), QStringLiteral("c1"));
        QCOMPARE(box->enqueue(kDirect, QStringLiteral("two"), 2), QStringLiteral("c2"));
        QCOMPARE(added.count(), 2);
        QCOMPARE(link.sent.size(), size_t(0));
        QCOMPARE(box->pendingCount(), 2);

        box->setOnline(true);
        QCOMPARE(link.sent.size(), size_t(2));
        QCOMPARE(link.sent[0].entry.text, QStringLiteral("one"));
        QCOMPARE(link.sent[1].entry.target, kDirect);
        // Going online again while in flight sends nothing twice.
        box->setOnline(true);
        QCOMPARE(link.sent.size(), size_t(2));
    }

    void ackConfirmsWithTheServersCopy()
    {
        FakeLink link;
        auto box = outbox(link);
        box->setOnline(true);
        QSignalSpy confirmed(box.get(), &Outbox::confirmed);
        box->enqueue(kRoom, QStringLiteral("hi"), 1);
        link.sent[0].done(FakeLink::accepted(QStringLiteral("41")));
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(confirmed.at(0).at(1).toString(), QStringLiteral("41"));
        QCOMPARE(confirmed.at(0).at(3).toBool(), true); // from the ack: add the server's copy
        QCOMPARE(box->size(), 0);
    }

    void echoBeforeAckConfirmsOnce()
    {
        FakeLink link;
        auto box = outbox(link);
        box->setOnline(true);
        QSignalSpy confirmed(box.get(), &Outbox::confirmed);
        const QString clientId = box->enqueue(kRoom, QStringLiteral("hi"), 1);
        QCOMPARE(box->noteEcho(kRoom, clientId, QStringLiteral("hi"), QStringLiteral("41"), 5),
            clientId);
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(confirmed.at(0).at(3).toBool(), false); // the echo itself is the copy
        // The ack after the echo and a duplicate echo change nothing.
        link.sent[0].done(FakeLink::accepted(QStringLiteral("41")));
        QCOMPARE(box->noteEcho(kRoom, clientId, QStringLiteral("hi"), QStringLiteral("41"), 5),
            QString());
        QCOMPARE(confirmed.count(), 1);
    }

    void echoWithoutClientIdMatchesTheOldestSameText()
    {
        // A seed backend echoes no clientId and never acks.
        FakeLink link;
        auto box = outbox(link);
        box->setOnline(true);
        const QString first = box->enqueue(kRoom, QStringLiteral("same"), 1);
        const QString second = box->enqueue(kRoom, QStringLiteral("same"), 2);
        box->enqueue(kDirect, QStringLiteral("same"), 3);
        QCOMPARE(
            box->noteEcho(kDirect, {}, QStringLiteral("other"), QStringLiteral("9"), 4), QString());
        QCOMPARE(box->noteEcho(kRoom, {}, QStringLiteral("same"), QStringLiteral("10"), 4), first);
        QCOMPARE(box->noteEcho(kRoom, {}, QStringLiteral("same"), QStringLiteral("11"), 4), second);
        QCOMPARE(box->size(), 1);
    }

    void lostAckKeepsItPendingUntilTheNextConnect()
    {
        FakeLink link;
        auto box = outbox(link);
        box->setOnline(true);
        const QString clientId = box->enqueue(kRoom, QStringLiteral("hi"), 1);
        link.sent[0].done(FakeLink::outcome(Outbox::SendResult::Outcome::NoAnswer));
        QCOMPARE(box->pendingCount(), 1);
        QVERIFY(!box->find(clientId)->inFlight);
        box->setOnline(false);
        box->setOnline(true);
        QCOMPARE(link.sent.size(), size_t(2));
        QCOMPARE(link.sent[1].entry.clientId, clientId); // same clientId: the server keeps it once
    }

    void reconnectMidSendSendsAgainAndIgnoresTheOldAck()
    {
        FakeLink link;
        auto box = outbox(link);
        box->setOnline(true);
        QSignalSpy confirmed(box.get(), &Outbox::confirmed);
        box->enqueue(kRoom, QStringLiteral("hi"), 1);
        box->setOnline(false); // the link dropped with the send in flight
        box->setOnline(true);
        QCOMPARE(link.sent.size(), size_t(2));
        // The first attempt's late answer (Disconnected) must not clear the second's in-flight
        // mark.
        link.sent[0].done(FakeLink::outcome(Outbox::SendResult::Outcome::NoAnswer));
        QVERIFY(box->entries().front().inFlight);
        link.sent[1].done(FakeLink::accepted(QStringLiteral("50")));
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(box->size(), 0);
    }

    void refusalFailsThenRetryAndDiscard()
    {
        FakeLink link;
        auto box = outbox(link);
        box->setOnline(true);
        QSignalSpy failed(box.get(), &Outbox::failed);
        QSignalSpy discarded(box.get(), &Outbox::discarded);
        const QString clientId = box->enqueue(kDirect, QStringLiteral("hi"), 1);
        link.sent[0].done(FakeLink::outcome(
            Outbox::SendResult::Outcome::Refused, QStringLiteral("Unknown recipient")));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("Unknown recipient"));
        QCOMPARE(box->size(), 1);
        QCOMPARE(box->pendingCount(), 0);
        // A failed entry is not sent again on reconnect, nor matched by an echo.
        box->setOnline(false);
        box->setOnline(true);
        QCOMPARE(link.sent.size(), size_t(1));
        QCOMPARE(
            box->noteEcho(kDirect, {}, QStringLiteral("hi"), QStringLiteral("1"), 1), QString());

        QVERIFY(box->retry(clientId));
        QCOMPARE(link.sent.size(), size_t(2));
        QCOMPARE(link.sent[1].entry.clientId, clientId);
        link.sent[1].done(FakeLink::outcome(
            Outbox::SendResult::Outcome::LocalError, QStringLiteral("too large")));
        QCOMPARE(failed.count(), 2);
        QVERIFY(box->discard(clientId));
        QCOMPARE(discarded.count(), 1);
        QCOMPARE(box->size(), 0);
        QVERIFY(!box->retry(clientId));
    }

    void restPageConfirmsByClientId()
    {
        FakeLink link;
        auto box = outbox(link);
        const QString clientId = box->enqueue(kRoom, QStringLiteral("hi"), 1);
        QVERIFY(!box->noteStored(QString(), QStringLiteral("1"), 1));
        QVERIFY(box->noteStored(clientId, QStringLiteral("77"), 1));
        QCOMPARE(box->size(), 0);
    }

    void unrecognisedAckWaitsForTheEcho()
    {
        FakeLink link;
        auto box = outbox(link);
        box->setOnline(true);
        const QString clientId = box->enqueue(kRoom, QStringLiteral("hi"), 1);
        link.sent[0].done(FakeLink::outcome(Outbox::SendResult::Outcome::Unrecognised));
        QCOMPARE(box->pendingCount(), 1);
        QCOMPARE(
            box->noteEcho(kRoom, clientId, QStringLiteral("hi"), QStringLiteral("5"), 1), clientId);
    }

    // --- HistorySync ---

    void historyPagesAndTheirEnd()
    {
        struct Request
        {
            ConversationKey key;
            QString before;
            int limit;
            HistorySync::Reply reply;
        };
        std::deque<Request> requests;
        HistorySync history([&requests](const ConversationKey &key, const QString &before,
                                const QString &, int limit, HistorySync::Reply reply) {
            requests.push_back({ key, before, limit, std::move(reply) });
        });
        std::vector<HistorySync::Page> pages;
        history.loadPage(kRoom, QStringLiteral("100"), 3,
            [&pages](HistorySync::Page page) { pages.push_back(std::move(page)); });
        QCOMPARE(requests.size(), size_t(1));
        QCOMPARE(requests.front().before, QStringLiteral("100"));
        const auto messageAt = [](int id) {
            return QVariantMap { { QStringLiteral("id"), id },
                { QStringLiteral("text"), QStringLiteral("m%1").arg(id) },
                { QStringLiteral("sender"), QVariantMap { { QStringLiteral("id"), 1 } } } };
        };
        requests.front().reply({}, QVariantList { messageAt(99), QStringLiteral("garbage") });
        QCOMPARE(pages.size(), size_t(1));
        QVERIFY(pages[0].ok);
        QVERIFY(pages[0].complete); // fewer entries than asked for: the start is reached
        QCOMPARE(pages[0].messages.size(), size_t(1));

        RestError notFound;
        notFound.kind = RestError::Kind::NotFound;
        history.loadPage(kDirect, {}, 50,
            [&pages](HistorySync::Page page) { pages.push_back(std::move(page)); });
        requests.back().reply(notFound, {});
        QVERIFY(!pages[1].ok);
        QVERIFY(pages[1].complete);

        RestError network;
        network.kind = RestError::Kind::Network;
        history.loadPage(kDirect, {}, 50,
            [&pages](HistorySync::Page page) { pages.push_back(std::move(page)); });
        requests.back().reply(network, {});
        QVERIFY(!pages[2].ok);
        QVERIFY(!pages[2].complete); // try again later

        history.setAvailable(false);
        const size_t asked = requests.size();
        history.loadPage(
            kRoom, {}, 50, [&pages](HistorySync::Page page) { pages.push_back(std::move(page)); });
        QCOMPARE(requests.size(), asked); // a seed backend: nothing asked
        QVERIFY(pages[3].complete);
    }

    void catchUpPagesUntilAKnownMessage()
    {
        std::deque<std::pair<QString, HistorySync::Reply>> requests;
        HistorySync history(
            [&requests](const ConversationKey &, const QString &before, const QString &, int,
                HistorySync::Reply reply) { requests.emplace_back(before, std::move(reply)); });
        const auto page = [](int newest, int count) {
            QVariantList list;
            for (int id = newest; id > newest - count; --id)
                list.append(QVariantMap { { QStringLiteral("id"), id },
                    { QStringLiteral("text"), QStringLiteral("m") },
                    { QStringLiteral("sender"), QVariantMap { { QStringLiteral("id"), 2 } } } });
            return list;
        };
        std::vector<Payload::Message> missed;
        bool done = false;
        bool joins = false;
        history.catchUp(kRoom, 1000, [&](HistorySync::CatchUpResult found) {
            missed = std::move(found.missed);
            joins = found.joinsKnown;
            done = true;
        });
        // 150 messages were missed: a full page of 100 (1150..1051), then one reaching 1000.
        requests.front().second({}, page(1150, HistorySync::kCatchUpPageSize));
        QVERIFY(!done);
        QCOMPARE(requests.size(), size_t(2));
        QCOMPARE(requests.back().first, QStringLiteral("1051"));
        requests.back().second({}, page(1050, HistorySync::kCatchUpPageSize));
        QVERIFY(done);
        QCOMPARE(missed.size(), size_t(150));
        QCOMPARE(missed.front().id, QStringLiteral("1150"));
        QCOMPARE(missed.back().id, QStringLiteral("1001"));
        QVERIFY(joins);

        // Endless news: it stops after kCatchUpMaxPages pages, with a hole below.
        requests.clear();
        done = false;
        history.catchUp(kRoom, 1, [&](HistorySync::CatchUpResult found) {
            missed = std::move(found.missed);
            joins = found.joinsKnown;
            done = true;
        });
        int newest = 100000;
        while (!done) {
            QVERIFY(!requests.empty());
            auto reply = std::move(requests.front().second);
            requests.pop_front();
            reply({}, page(newest, HistorySync::kCatchUpPageSize));
            newest -= HistorySync::kCatchUpPageSize;
        }
        QCOMPARE(
            missed.size(), size_t(HistorySync::kCatchUpPageSize * HistorySync::kCatchUpMaxPages));
        QVERIFY(!joins);
    }

    void catchUpPagesForwardWithAfter()
    {
        struct Request
        {
            QString before;
            QString after;
            HistorySync::Reply reply;
        };
        std::deque<Request> requests;
        HistorySync history([&requests](const ConversationKey &, const QString &before,
                                const QString &after, int, HistorySync::Reply reply) {
            requests.push_back({ before, after, std::move(reply) });
        });
        history.setForwardPaging(true);
        const auto ascending = [](int oldest, int count) {
            QVariantList list;
            for (int id = oldest; id < oldest + count; ++id)
                list.append(QVariantMap { { QStringLiteral("id"), id },
                    { QStringLiteral("text"), QStringLiteral("m") },
                    { QStringLiteral("sender"), QVariantMap { { QStringLiteral("id"), 2 } } } });
            return list;
        };
        HistorySync::CatchUpResult result;
        bool done = false;
        history.catchUp(kRoom, 1000, [&](HistorySync::CatchUpResult found) {
            result = std::move(found);
            done = true;
        });
        QCOMPARE(requests.front().after, QStringLiteral("1000"));
        QVERIFY(requests.front().before.isEmpty());
        requests.front().reply({}, ascending(1001, HistorySync::kCatchUpPageSize));
        QVERIFY(!done);
        QCOMPARE(requests.back().after, QStringLiteral("1100"));
        requests.back().reply({}, ascending(1101, 20));
        QVERIFY(done);
        QCOMPARE(result.missed.size(), size_t(120));
        QCOMPARE(result.missed.front().id, QStringLiteral("1120")); // newest first
        QCOMPARE(result.missed.back().id, QStringLiteral("1001"));
        QVERIFY(result.joinsKnown);
        QVERIFY(result.reachesNewest);

        // A failure halfway: what came joins up, but the newest may be missing.
        requests.clear();
        done = false;
        history.catchUp(kRoom, 1000, [&](HistorySync::CatchUpResult found) {
            result = std::move(found);
            done = true;
        });
        requests.front().reply({}, ascending(1001, HistorySync::kCatchUpPageSize));
        RestError network;
        network.kind = RestError::Kind::Network;
        requests.back().reply(network, {});
        QVERIFY(done);
        QCOMPARE(result.missed.size(), size_t(HistorySync::kCatchUpPageSize));
        QVERIFY(result.joinsKnown);
        QVERIFY(!result.reachesNewest);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
