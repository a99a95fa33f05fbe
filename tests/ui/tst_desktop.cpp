// Unit tests of StudyConnect.Desktop's C++: link detection, avatar helpers, the typing throttle,
// UnreadWatcher on the real conversation lists of ConversationManager (what notifies, with which
// title, and what notifications off and do not disturb silence), AppPreferences (kept, the
// autostart entry), and the token sign-in's checks: studyconnect:// links, a token's shape and
// expiry, connect_error reasons in words.
#include "auth/session.h"
#include "chat/conversationmanager.h"
#include "chat/messagelistmodel.h"
#include "chat/typingnotifier.h"
#include "desktop/apppreferences.h"
#include "desktop/signinlink.h"
#include "desktop/texttools.h"
#include "desktop/threadfiltermodel.h"
#include "desktop/unreadwatcher.h"
#include "richtext/linkdetector.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

class TestDesktop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void links_data();
    void links();
    void linkAt();
    void initials_data();
    void initials();
    void avatarColorIsStable();
    void openLinkRefusesOtherSchemes();
    void mentionQuery_data();
    void mentionQuery();
    void threadFilter();
    void typingThrottle();
    void unreadWatcherNotifiesOnlyWhatIsNotInView();
    void notificationTitles_data();
    void notificationTitles();
    void notificationsOffAndDoNotDisturbSilenceAll();
    void doNotDisturbEnds_data();
    void doNotDisturbEnds();
    void preferencesAreKept();
    void startAtLoginWritesTheAutostartEntry();
    void signInLinks_data();
    void signInLinks();
    void tokenChecks();
    void refusalsInWords_data();
    void refusalsInWords();

private:
    /// XDG_CONFIG_HOME: QSettings and the autostart folder, away from the user's.
    QTemporaryDir m_config;
};

void TestDesktop::initTestCase()
{
    QVERIFY(m_config.isValid());
    // Before anything reads QSettings, which keeps the folder it found first.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QCoreApplication::setOrganizationName(QStringLiteral("StudyConnectTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desktop"));
}

namespace {
/// An unsigned JWT with this payload: enough for the client's checks (only servers verify).
QString token(const QByteArray &payload)
{
    const auto encode = [](const QByteArray &bytes) {
        return QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    return encode(R"({"alg":"HS256","typ":"JWT"})") + u'.' + encode(payload)
        + QStringLiteral(".c2ln");
}
QString validToken()
{
    return token(QStringLiteral(R"({"id":7,"exp":%1})")
                     .arg(QDateTime::currentSecsSinceEpoch() + 3600)
                     .toLatin1());
}
} // namespace

void TestDesktop::signInLinks_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<bool>("usable");
    QTest::addColumn<QString>("host");
    const QString jwt = validToken();
    QTest::newRow("school")
        << QStringLiteral("studyconnect://signin?server=https%3A%2F%2Fchat.school.example&token=")
            + jwt
        << true << QStringLiteral("chat.school.example");
    QTest::newRow("port kept") << QStringLiteral(
                                      "studyconnect://signin?server=http://127.0.0.1:5000&token=")
            + jwt << true << QStringLiteral("127.0.0.1:5000");
    QTest::newRow("other action") << QStringLiteral(
                                         "studyconnect://signout?server=https://a.example&token=")
            + jwt << false << QString();
    QTest::newRow("no server") << QStringLiteral("studyconnect://signin?token=") + jwt << false
                               << QString();
    QTest::newRow("file server") << QStringLiteral(
                                        "studyconnect://signin?server=file:///etc&token=")
            + jwt << false << QString();
    QTest::newRow("no token") << QStringLiteral("studyconnect://signin?server=https://a.example")
                              << false << QStringLiteral("a.example");
    QTest::newRow("expired") << QStringLiteral(
                                    "studyconnect://signin?server=https://a.example&token=")
            + token(R"({"id":7,"exp":1000})")
                             << false << QStringLiteral("a.example");
}

void TestDesktop::signInLinks()
{
    QFETCH(QString, link);
    QFETCH(bool, usable);
    QFETCH(QString, host);
    SignInLink signInLink(nullptr);
    QVERIFY(SignInLink::isLink(link));
    QCOMPARE(signInLink.setLink(link), usable);
    QVERIFY(signInLink.pending());
    QCOMPARE(signInLink.errorString().isEmpty(), usable);
    QCOMPARE(signInLink.host(), host);
    // Declining forgets it; nothing signs in.
    signInLink.decline();
    QVERIFY(!signInLink.pending());
    QCOMPARE(Session::globalInstance()->state(), Session::SignedOut);
}

void TestDesktop::tokenChecks()
{
    Session session(nullptr);
    QCOMPARE(session.checkToken(validToken()), QString());
    QCOMPARE(session.checkToken(QStringLiteral("Bearer ") + validToken() + u'\n'), QString());
    QVERIFY(session.checkToken(QString()).startsWith(QLatin1String("Paste")));
    QVERIFY(session.checkToken(QStringLiteral("hello"))
                .startsWith(QLatin1String("This is not a token")));
    QVERIFY(session.checkToken(token(R"({"exp":99999999999})")).contains(QLatin1String("no id")));
    QVERIFY(session.checkToken(token(R"({"id":1,"exp":1000})"))
                .startsWith(QLatin1String("This token expired on")));
    // Nothing was tried: a bad token never leaves the page.
    QSignalSpy signedOut(&session, &Session::signedOut);
    session.signInWithToken(QUrl(QStringLiteral("http://localhost:5000")), QStringLiteral("x.y"));
    QCOMPARE(signedOut.count(), 1);
    QCOMPARE(session.state(), Session::SignedOut);
    QVERIFY(session.errorString().startsWith(QLatin1String("This is not a token")));

    // A usable one signs in at once (the server judges it when the chat connects), and the
    // user is what its claims say until a server tells more.
    const QString named =
        token(QStringLiteral(R"({"id":"42","firstName":"Ada","lastName":"L","exp":%1})")
                  .arg(QDateTime::currentSecsSinceEpoch() + 3600)
                  .toLatin1());
    session.setKeychainEnabled(false);
    session.signInWithToken(QUrl(QStringLiteral("http://127.0.0.1:9")), named);
    QCOMPARE(session.state(), Session::SignedIn);
    QCOMPARE(session.userId(), QStringLiteral("42"));
    QCOMPARE(session.user().value(QStringLiteral("firstName")).toString(), QStringLiteral("Ada"));
    QVERIFY(session.tokenSession());
    QCOMPARE(session.account(), QString());
    session.signOut();
}

void TestDesktop::refusalsInWords_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("words");
    QTest::newRow("user") << QStringLiteral("Authentication error: User not found")
                          << QStringLiteral("This server does not know the account in that token.");
    QTest::newRow("expired") << QStringLiteral("Authentication error: jwt expired")
                             << QStringLiteral("The token has expired. Please sign in again.");
    QTest::newRow("signature")
        << QStringLiteral("Authentication error: invalid signature")
        << QStringLiteral("This server did not issue that token: its signature does not match.");
    QTest::newRow("malformed") << QStringLiteral("Authentication error: jwt malformed")
                               << QStringLiteral("The server cannot read that token.");
    QTest::newRow("none") << QStringLiteral("Authentication error: Token not provided")
                          << QStringLiteral("The server received no token.");
    QTest::newRow("other")
        << QStringLiteral("Authentication error: jwt audience invalid. expected: x")
        << QStringLiteral("The server refused the sign-in: jwt audience invalid. expected: x");
}

void TestDesktop::refusalsInWords()
{
    QFETCH(QString, message);
    QFETCH(QString, words);
    QCOMPARE(Session::describeRefusal(message), words);
}

void TestDesktop::links_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("none") << QStringLiteral("no links here") << QStringList {};
    QTest::newRow("plain") << QStringLiteral("see https://example.com/a")
                           << QStringList { QStringLiteral("https://example.com/a") };
    QTest::newRow("http and path") << QStringLiteral("http://ex.org/x?y=1#z and more")
                                   << QStringList { QStringLiteral("http://ex.org/x?y=1#z") };
    QTest::newRow("sentence end") << QStringLiteral("Go to https://ex.org/page.")
                                  << QStringList { QStringLiteral("https://ex.org/page") };
    QTest::newRow("in parentheses") << QStringLiteral("(see https://ex.org/a)")
                                    << QStringList { QStringLiteral("https://ex.org/a") };
    QTest::newRow("balanced parentheses")
        << QStringLiteral("https://en.wikipedia.org/wiki/Set_(mathematics).")
        << QStringList { QStringLiteral("https://en.wikipedia.org/wiki/Set_(mathematics)") };
    QTest::newRow("two") << QStringLiteral("a http://a.io b https://b.io/")
                         << QStringList { QStringLiteral("http://a.io"),
                                QStringLiteral("https://b.io/") };
    QTest::newRow("upper-case scheme")
        << QStringLiteral("HTTPS://EX.ORG") << QStringList { QStringLiteral("HTTPS://EX.ORG") };
    QTest::newRow("inside markup") << QStringLiteral("<a href=\"https://evil.io/x\">click</a>")
                                   << QStringList { QStringLiteral("https://evil.io/x") };
    QTest::newRow("img tag") << QStringLiteral("<img src=http://track.io/p.png>")
                             << QStringList { QStringLiteral("http://track.io/p.png") };
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << QStringList {};
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << QStringList {};
    QTest::newRow("ftp") << QStringLiteral("ftp://ex.org/f") << QStringList {};
    QTest::newRow("data") << QStringLiteral("data:text/html,<b>x</b>") << QStringList {};
    QTest::newRow("bare www") << QStringLiteral("www.example.com") << QStringList {};
    QTest::newRow("scheme glued to a word") << QStringLiteral("xhttps://ex.org") << QStringList {};
    QTest::newRow("no host") << QStringLiteral("https:// nothing") << QStringList {};
    QTest::newRow("unicode around") << QStringLiteral("→https://ex.org/ü←")
                                    << QStringList { QStringLiteral("https://ex.org/ü←") };
}

void TestDesktop::links()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QStringList found;
    for (const auto &link : LinkDetector::find(text)) {
        found << text.mid(link.start, link.length);
        QVERIFY(link.url.scheme().compare(QStringLiteral("http"), Qt::CaseInsensitive) == 0
            || link.url.scheme().compare(QStringLiteral("https"), Qt::CaseInsensitive) == 0);
    }
    QCOMPARE(found, expected);
}

void TestDesktop::linkAt()
{
    const QString text = QStringLiteral("ab https://x.io/c d");
    TextTools tools;
    QCOMPARE(tools.linkAt(text, 0), QUrl());
    QCOMPARE(tools.linkAt(text, 2), QUrl());
    QCOMPARE(tools.linkAt(text, 3), QUrl(QStringLiteral("https://x.io/c")));
    QCOMPARE(tools.linkAt(text, 16), QUrl(QStringLiteral("https://x.io/c")));
    QCOMPARE(tools.linkAt(text, 17), QUrl());
    QCOMPARE(tools.linkAt(text, -1), QUrl());
    QCOMPARE(tools.linkAt(text, 1000), QUrl());
    QVERIFY(tools.hasLinks(text));
    QVERIFY(!tools.hasLinks(QStringLiteral("<a href=x>no</a>")));
}

void TestDesktop::initials_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two words") << QStringLiteral("Ada Lovelace") << QStringLiteral("AL");
    QTest::newRow("three words") << QStringLiteral("Ada King Lovelace") << QStringLiteral("AL");
    QTest::newRow("one word") << QStringLiteral("grace") << QStringLiteral("G");
    QTest::newRow("spaces") << QStringLiteral("  alan   turing ") << QStringLiteral("AT");
    QTest::newRow("empty") << QString() << QStringLiteral("?");
    QTest::newRow("markup") << QStringLiteral("<b>Eve</b>") << QStringLiteral("B");
    QTest::newRow("punctuation first") << QStringLiteral("(Bob) 'Smith'") << QStringLiteral("BS");
    QTest::newRow("non-latin") << QStringLiteral("Émile Zola") << QStringLiteral("ÉZ");
    QTest::newRow("outside the BMP") << QStringLiteral("𝐀da") << QStringLiteral("𝐀");
    QTest::newRow("only symbols") << QStringLiteral("!!! ???") << QStringLiteral("?");
}

void TestDesktop::initials()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(TextTools().initials(name), expected);
}

void TestDesktop::avatarColorIsStable()
{
    TextTools tools;
    QCOMPARE(tools.avatarColor(QStringLiteral("Ada Lovelace")),
        tools.avatarColor(QStringLiteral("Ada Lovelace")));
    QVERIFY(tools.avatarColor(QStringLiteral("Ada Lovelace"))
        != tools.avatarColor(QStringLiteral("Alan Turing")));
    // Dark enough for white initials whatever the hue.
    for (const QString &name :
        { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("Grace Hopper"), QString() })
        QVERIFY2(tools.avatarColor(name).lightnessF() < 0.5, qPrintable(name));
}

void TestDesktop::openLinkRefusesOtherSchemes()
{
    TextTools tools;
    QVERIFY(!tools.openLink(QUrl(QStringLiteral("file:///etc/passwd"))));
    QVERIFY(!tools.openLink(QUrl(QStringLiteral("javascript:alert(1)"))));
    QVERIFY(!tools.openLink(QUrl()));
}

void TestDesktop::mentionQuery_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("cursor");
    QTest::addColumn<int>("start");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("at the start") << QStringLiteral("@Ad") << 3 << 0 << QStringLiteral("Ad");
    QTest::newRow("after a word") << QStringLiteral("Hi @Ad") << 6 << 3 << QStringLiteral("Ad");
    QTest::newRow("just the @") << QStringLiteral("Hi @") << 4 << 3 << QString();
    QTest::newRow("cursor inside") << QStringLiteral("Hi @Ada x") << 5 << 3 << QStringLiteral("A");
    QTest::newRow("accents") << QStringLiteral("@Émi") << 4 << 0 << QStringLiteral("Émi");
    QTest::newRow("an address") << QStringLiteral("mail@exa") << 8 << -1 << QString();
    QTest::newRow("after a space") << QStringLiteral("@Ada x") << 6 << -1 << QString();
    QTest::newRow("no @") << QStringLiteral("hello") << 5 << -1 << QString();
    QTest::newRow("bad cursor") << QStringLiteral("@a") << 9 << -1 << QString();
}

void TestDesktop::mentionQuery()
{
    QFETCH(QString, text);
    QFETCH(int, cursor);
    QFETCH(int, start);
    QFETCH(QString, prefix);
    const QVariantMap query = TextTools().mentionQueryAt(text, cursor);
    if (start < 0) {
        QVERIFY2(query.isEmpty(), qPrintable(query.value(QStringLiteral("prefix")).toString()));
        return;
    }
    QCOMPARE(query.value(QStringLiteral("start")).toInt(), start);
    QCOMPARE(query.value(QStringLiteral("prefix")).toString(), prefix);
}

void TestDesktop::threadFilter()
{
    // Rows as MessageListModel gives them: a plain message, an open thread, a resolved one and a
    // root without replies.
    QStandardItemModel source;
    const auto add = [&source](int replies, bool resolved) {
        auto *item = new QStandardItem;
        item->setData(replies, MessageListModel::ThreadReplyCountRole);
        item->setData(resolved, MessageListModel::ThreadResolvedRole);
        item->setData(false, MessageListModel::ShowSenderRole);
        source.appendRow(item);
    };
    add(0, false);
    add(3, false);
    add(2, true);
    add(0, true);
    ThreadFilterModel filter;
    filter.setSourceModel(&source);
    QCOMPARE(filter.count(), 4);
    QCOMPARE(filter.index(1, 0).data(MessageListModel::ShowSenderRole).toBool(), false);
    QSignalSpy counts(&filter, &ThreadFilterModel::countChanged);
    filter.setUnresolvedOnly(true);
    QCOMPARE(filter.count(), 1);
    QVERIFY(!counts.isEmpty());
    QCOMPARE(filter.index(0, 0).data(MessageListModel::ThreadReplyCountRole).toInt(), 3);
    QCOMPARE(filter.index(0, 0).data(MessageListModel::ShowSenderRole).toBool(), true);
    // Resolved in place: the row goes; reopened: it comes back.
    source.item(1)->setData(true, MessageListModel::ThreadResolvedRole);
    QCOMPARE(filter.count(), 0);
    source.item(2)->setData(false, MessageListModel::ThreadResolvedRole);
    QCOMPARE(filter.count(), 1);
    filter.setUnresolvedOnly(false);
    QCOMPARE(filter.count(), 4);
}

void TestDesktop::typingThrottle()
{
    TypingNotifier notifier;
    notifier.setProperty("repeatInterval", 300);
    notifier.setIdleTimeout(2000);
    QSignalSpy started(&notifier, &TypingNotifier::typingStarted);
    QSignalSpy stopped(&notifier, &TypingNotifier::typingStopped);

    for (int i = 0; i < 10; ++i)
        notifier.edited(false);
    QCOMPARE(started.size(), 1); // one notice for a burst of keystrokes
    QVERIFY(notifier.typing());

    // Still typing after the repeat interval: one more start keeps the other side's line alive.
    QTest::qWait(350);
    notifier.edited(false);
    notifier.edited(false);
    QCOMPARE(started.size(), 2);
    QCOMPARE(stopped.size(), 0);

    // Idle: stops on its own.
    notifier.setIdleTimeout(150);
    notifier.edited(false);
    QCOMPARE(started.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 1000);
    QVERIFY(!notifier.typing());

    // Clearing the text stops at once; stop() without typing emits nothing.
    notifier.edited(false);
    QCOMPARE(started.size(), 3);
    notifier.edited(true);
    QCOMPARE(stopped.size(), 2);
    notifier.stop();
    QCOMPARE(stopped.size(), 2);
}

void TestDesktop::unreadWatcherNotifiesOnlyWhatIsNotInView()
{
    ConversationManager manager(nullptr);
    Conversation *calculus = manager.conversation(ConversationKey::room(QStringLiteral("1")), true);
    Conversation *algebra = manager.conversation(ConversationKey::room(QStringLiteral("2")), true);
    calculus->setDetails(QStringLiteral("Calculus"), {}, {}, 0);
    algebra->setDetails(QStringLiteral("Algebra"), {}, {}, 0);

    UnreadWatcher watcher;
    watcher.setRooms(manager.rooms());
    watcher.setConversations(manager.directConversations());
    watcher.setActiveKey(calculus->key());
    watcher.setWindowActive(true);
    QSignalSpy notified(&watcher, &UnreadWatcher::notified);
    QCOMPARE(watcher.totalUnread(), 0);

    // Another room while the window is active: notified, counted; the title names the sender
    // and the room.
    algebra->noteMessage(
        QStringLiteral("hello"), 1000, true, false, QStringLiteral("Ada Lovelace"));
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.at(0).at(0).toString(), QStringLiteral("room:2"));
    QCOMPARE(notified.at(0).at(1).toString(), QStringLiteral("Ada Lovelace in Algebra"));
    QCOMPARE(notified.at(0).at(2).toString(), QStringLiteral("hello"));
    QCOMPARE(watcher.totalUnread(), 1);

    // The room in view, window active: not notified.
    calculus->noteMessage(QStringLiteral("seen"), 2000, true);
    QCOMPARE(notified.size(), 1);
    QCOMPARE(watcher.totalUnread(), 2);
    calculus->markRead();
    QCOMPARE(watcher.totalUnread(), 1);

    // The room in view, window inactive (or hidden in the tray): notified. A sender the
    // message does not name: the room's name alone.
    watcher.setWindowActive(false);
    calculus->noteMessage(QStringLiteral("away"), 3000, true);
    QCOMPARE(notified.size(), 2);
    QCOMPARE(notified.at(1).at(1).toString(), QStringLiteral("Calculus"));

    // A DM in a new conversation.
    Conversation *grace =
        manager.conversation(ConversationKey::directWith(QStringLiteral("7")), true);
    grace->setDetails(QStringLiteral("Grace Hopper"), {}, {}, 0);
    grace->noteMessage(QStringLiteral("hi Ada"), 4000, true, false, QStringLiteral("Grace Hopper"));
    QCOMPARE(notified.size(), 3);
    QCOMPARE(notified.at(2).at(0).toString(), QStringLiteral("dm:7"));
    QCOMPARE(notified.at(2).at(1).toString(), QStringLiteral("Grace Hopper"));
    QCOMPARE(watcher.totalUnread(), 3);

    // Our own message (not unread) and reading do not notify.
    algebra->noteMessage(QStringLiteral("mine"), 5000, false);
    grace->markRead();
    QCOMPARE(notified.size(), 3);
    QCOMPARE(watcher.totalUnread(), 2);

    // Muted: counted, quiet; a message that mentions the user notifies all the same, and says so.
    algebra->setMuted(true);
    algebra->noteMessage(QStringLiteral("muted chatter"), 5100, true);
    QCOMPARE(notified.size(), 3);
    QCOMPARE(watcher.totalUnread(), 3);
    algebra->noteMessage(QStringLiteral("@Ada look"), 5200, true, true, QStringLiteral("Linus"));
    QCOMPARE(notified.size(), 4);
    QCOMPARE(notified.at(3).at(1).toString(), QStringLiteral("Linus mentioned you in Algebra"));
    QCOMPARE(notified.at(3).at(2).toString(), QStringLiteral("@Ada look"));
    algebra->setMuted(false);
    algebra->markRead();
    QCOMPARE(watcher.totalUnread(), 1);

    // Switched off (e.g. before the first connection settles): counted, not notified.
    watcher.setNotificationsEnabled(false);
    algebra->noteMessage(QStringLiteral("quiet"), 6000, true);
    QCOMPARE(notified.size(), 4);
    QCOMPARE(watcher.totalUnread(), 2);
}

void TestDesktop::notificationTitles_data()
{
    QTest::addColumn<bool>("direct");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<bool>("mentioned");
    QTest::addColumn<QString>("title");
    QTest::newRow("room") << false << "Ada Lovelace" << false << "Ada Lovelace in Calculus I";
    QTest::newRow("room mention") << false << "Ada Lovelace" << true
                                  << "Ada Lovelace mentioned you in Calculus I";
    QTest::newRow("direct") << true << "Ada Lovelace" << false << "Ada Lovelace";
    QTest::newRow("direct mention")
        << true << "Ada Lovelace" << true << "Ada Lovelace mentioned you";
    QTest::newRow("unknown sender") << false << "" << false << "Calculus I";
    QTest::newRow("unknown sender, mention")
        << false << "" << true << "Calculus I: you were mentioned";
}

void TestDesktop::notificationTitles()
{
    QFETCH(bool, direct);
    QFETCH(QString, sender);
    QFETCH(bool, mentioned);
    QFETCH(QString, title);
    // A direct conversation is named after the other person.
    const QString conversation =
        direct ? QStringLiteral("Ada Lovelace") : QStringLiteral("Calculus I");
    QCOMPARE(UnreadWatcher::notificationTitle(direct, conversation, sender, mentioned), title);
}

void TestDesktop::notificationsOffAndDoNotDisturbSilenceAll()
{
    ConversationManager manager(nullptr);
    Conversation *room = manager.conversation(ConversationKey::room(QStringLiteral("4")), true);
    room->setDetails(QStringLiteral("Calculus I"), {}, {}, 0);
    AppPreferences preferences(nullptr);
    preferences.setNotificationsEnabled(true);
    preferences.setDoNotDisturb(AppPreferences::DoNotDisturbOff);

    UnreadWatcher watcher;
    watcher.setPreferences(&preferences);
    watcher.setRooms(manager.rooms());
    watcher.setWindowActive(false);
    QSignalSpy notified(&watcher, &UnreadWatcher::notified);
    const QString ada = QStringLiteral("Ada Lovelace");

    room->noteMessage(QStringLiteral("one"), 1000, true, false, ada);
    QCOMPARE(notified.size(), 1);

    // Off: counted, never shown, mentions neither.
    preferences.setNotificationsEnabled(false);
    room->noteMessage(QStringLiteral("two"), 2000, true, false, ada);
    room->noteMessage(QStringLiteral("@Grace two"), 2100, true, true, ada);
    QCOMPARE(notified.size(), 1);
    QCOMPARE(watcher.totalUnread(), 3);
    preferences.setNotificationsEnabled(true);

    // Do not disturb for an hour: the same, mentions included.
    QSignalSpy dndChanged(&preferences, &AppPreferences::doNotDisturbChanged);
    preferences.setDoNotDisturb(AppPreferences::ForOneHour);
    QCOMPARE(dndChanged.size(), 1);
    QVERIFY(preferences.doNotDisturb());
    QVERIFY(qAbs(QDateTime::currentDateTime().secsTo(preferences.doNotDisturbUntil()) - 3600) < 5);
    room->noteMessage(QStringLiteral("three"), 3000, true, false, ada);
    room->noteMessage(QStringLiteral("@Grace three"), 3100, true, true, ada);
    QCOMPARE(notified.size(), 1);
    QCOMPARE(watcher.totalUnread(), 5);

    // Over: notified again, and the mention says so.
    preferences.setDoNotDisturb(AppPreferences::DoNotDisturbOff);
    QVERIFY(!preferences.doNotDisturb());
    QVERIFY(!preferences.doNotDisturbUntil().isValid());
    room->noteMessage(QStringLiteral("@Grace four"), 4000, true, true, ada);
    QCOMPARE(notified.size(), 2);
    QCOMPARE(notified.at(1).at(1).toString(),
        QStringLiteral("Ada Lovelace mentioned you in Calculus I"));
    QCOMPARE(notified.at(1).at(2).toString(), QStringLiteral("@Grace four"));
}

void TestDesktop::doNotDisturbEnds_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("end");
    const QDate day(2026, 3, 10);
    QTest::newRow("one hour") << int(AppPreferences::ForOneHour) << QDateTime(day, QTime(22, 30))
                              << QDateTime(day, QTime(23, 30));
    QTest::newRow("evening: tomorrow morning")
        << int(AppPreferences::UntilMorning) << QDateTime(day, QTime(21, 0))
        << QDateTime(day.addDays(1), QTime(8, 0));
    QTest::newRow("08:00 sharp: the next day")
        << int(AppPreferences::UntilMorning) << QDateTime(day, QTime(8, 0))
        << QDateTime(day.addDays(1), QTime(8, 0));
    QTest::newRow("after midnight: this morning")
        << int(AppPreferences::UntilMorning) << QDateTime(day, QTime(1, 15))
        << QDateTime(day, QTime(8, 0));
    QTest::newRow("off") << int(AppPreferences::DoNotDisturbOff) << QDateTime(day, QTime(9, 0))
                         << QDateTime();
}

void TestDesktop::doNotDisturbEnds()
{
    QFETCH(int, choice);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, end);
    QCOMPARE(AppPreferences::doNotDisturbEnd(AppPreferences::DoNotDisturbChoice(choice), now), end);
}

void TestDesktop::preferencesAreKept()
{
    {
        AppPreferences preferences(nullptr);
        preferences.setNotificationsEnabled(false);
        preferences.setKeepRunningInBackground(false);
        preferences.setDoNotDisturb(AppPreferences::UntilMorning);
    }
    {
        AppPreferences again(nullptr);
        QCOMPARE(again.notificationsEnabled(), false);
        QCOMPARE(again.keepRunningInBackground(), false);
        QVERIFY(again.doNotDisturb());
        QCOMPARE(again.doNotDisturbUntil(),
            AppPreferences::doNotDisturbEnd(
                AppPreferences::UntilMorning, QDateTime::currentDateTime()));
        again.setNotificationsEnabled(true);
        again.setKeepRunningInBackground(true);
        again.setDoNotDisturb(AppPreferences::DoNotDisturbOff);
    }
    AppPreferences defaults(nullptr);
    QCOMPARE(defaults.notificationsEnabled(), true);
    QCOMPARE(defaults.keepRunningInBackground(), true);
    QVERIFY(!defaults.doNotDisturb());

    // A do not disturb that ended while the app was closed is over.
    QSettings().setValue(QStringLiteral("notifications/doNotDisturbUntil"),
        QDateTime::currentDateTime().addSecs(-60));
    QVERIFY(!AppPreferences(nullptr).doNotDisturb());
    QSettings().remove(QStringLiteral("notifications/doNotDisturbUntil"));
}

void TestDesktop::startAtLoginWritesTheAutostartEntry()
{
    const QString path =
        m_config.filePath(QStringLiteral("autostart/org.studyconnect.StudyConnect.desktop"));
    QCOMPARE(AppPreferences::autostartFilePath(), path);
    AppPreferences preferences(nullptr);
    QSignalSpy changed(&preferences, &AppPreferences::startAtLoginChanged);
    QVERIFY(!preferences.startAtLogin());

    preferences.setStartAtLogin(true);
    QCOMPARE(changed.size(), 1);
    QVERIFY(preferences.startAtLogin());
    QCOMPARE(preferences.startAtLoginError(), QString());
    QFile entry(path);
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QByteArray text = entry.readAll();
    QVERIFY(text.startsWith("[Desktop Entry]\n"));
    QVERIFY2(text.contains(QByteArray(
                 "\nExec=" + QFile::encodeName(QCoreApplication::applicationFilePath()) + "\n")),
        text.constData());
    QVERIFY(text.contains("\nType=Application\n"));
    entry.close();

    preferences.setStartAtLogin(false);
    QVERIFY(!QFile::exists(path));
    QVERIFY(!preferences.startAtLogin());

    // An executable whose path needs quoting (Desktop Entry Specification, the Exec key).
    QVERIFY(AppPreferences::autostartEntry(QStringLiteral("/opt/Study Connect/studyconnect"))
                .contains("\nExec=\"/opt/Study Connect/studyconnect\"\n"));
    QVERIFY(AppPreferences::autostartEntry(QStringLiteral("/opt/100%/studyconnect"))
                .contains("\nExec=/opt/100%%/studyconnect\n"));

    // A folder that cannot be made: the switch stays off and says why.
    QVERIFY(QDir(m_config.path()).rmdir(QStringLiteral("autostart")));
    QFile blocker(m_config.filePath(QStringLiteral("autostart")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    preferences.setStartAtLogin(true);
    QVERIFY(!preferences.startAtLogin());
    QVERIFY(preferences.startAtLoginError().contains(path));
    QVERIFY(blocker.remove());
}

QTEST_GUILESS_MAIN(TestDesktop)
#include "tst_desktop.moc"
