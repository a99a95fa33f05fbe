// Issue 12: "a message with ![x](http://…), <img src=…> or a data: URL loads nothing (test it with
// a local HTTP server that counts requests)". Each hostile message's generated html is shown in a
// Text with textFormat StyledText in a visible window; the server must see no connection. A raw
// StyledText <img> pointing at the same server is the control: it is requested.
#include "richtext/richdocument.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

class TestRichTextNoLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostileMessagesLoadNothing_data();
    void hostileMessagesLoadNothing();
    void rawImageIsLoaded(); // the control: this test would see a request

private:
    /// Shows `html` in a StyledText Text in a window and lets it render for a while.
    void show(const QString &html);
    QString url(const QString &path) const
    {
        return u"http://127.0.0.1:"_qs + QString::number(m_server.serverPort()) + path;
    }

    QTcpServer m_server;
    int m_connections = 0;
    QQmlEngine m_engine;
};

void TestRichTextNoLoad::initTestCase()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write(
                    "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

void TestRichTextNoLoad::hostileMessagesLoadNothing_data()
{
    QTest::addColumn<QString>("message");
    const QString png =
        u"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="_qs;

    QTest::newRow("markdown image") << u"![x]("_qs + url(u"/md.png"_qs) + u')';
    QTest::newRow("markdown image with title")
        << u"look ![x]("_qs + url(u"/title.png"_qs) + u" \"t\") here"_qs;
    QTest::newRow("html img") << u"<img src=\""_qs + url(u"/html.png"_qs) + u"\">"_qs;
    QTest::newRow("html img unquoted") << u"<img src="_qs + url(u"/bare.png"_qs) + u">"_qs;
    QTest::newRow("html img in bold") << u"**<img src=\""_qs + url(u"/b.png"_qs) + u"\">**"_qs;
    QTest::newRow("data url image") << u"![x]("_qs + png + u')';
    QTest::newRow("data url link") << u"[x]("_qs + png + u')';
    QTest::newRow("reference image") << u"![x][r]\n\n[r]: "_qs + url(u"/ref.png"_qs);
    QTest::newRow("link and bare url")
        << u"[x]("_qs + url(u"/link"_qs) + u") and "_qs + url(u"/bare"_qs);
    QTest::newRow("image in link")
        << u"[![x]("_qs + url(u"/in.png"_qs) + u")]("_qs + url(u"/out"_qs) + u')';
    QTest::newRow("img in math") << u"$<img src=\""_qs + url(u"/math.png"_qs) + u"\">$"_qs;
    QTest::newRow("html block") << u"<div><img src=\""_qs + url(u"/div.png"_qs)
            + u"\"></div>\n\n<p><img src='"_qs + url(u"/p.png"_qs) + u"'></p>"_qs;
}

void TestRichTextNoLoad::hostileMessagesLoadNothing()
{
    QFETCH(QString, message);
    const RichDocument document = RichDocument::parse(message);
    QVERIFY(!document.blocks.isEmpty());
    for (const RichBlock &block : document.blocks) {
        QVERIFY2(!block.html().contains(u"<img"_qs), qPrintable(block.html()));
        show(block.html());
    }
    QCOMPARE(m_connections, 0);
}

void TestRichTextNoLoad::rawImageIsLoaded()
{
    QCOMPARE(m_connections, 0);
    show(u"<img src=\""_qs + url(u"/control.png"_qs) + u"\">"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(m_connections > 0, 5000);
}

void TestRichTextNoLoad::show(const QString &html)
{
    QQmlComponent component(&m_engine);
    component.setData("import QtQuick\n"
                      "Window {\n"
                      "    width: 400; height: 200; visible: true\n"
                      "    property alias html: text.text\n"
                      "    Text { id: text; anchors.fill: parent; textFormat: Text.StyledText }\n"
                      "}\n",
        QUrl());
    std::unique_ptr<QObject> window(component.create());
    QVERIFY2(window, qPrintable(component.errorString()));
    window->setProperty("html", html);
    auto *quickWindow = qobject_cast<QQuickWindow *>(window.get());
    QVERIFY(quickWindow);
    QVERIFY(QTest::qWaitForWindowExposed(quickWindow));
    // Long enough for a request to reach the server if the Text started one.
    QTest::qWait(300);
}

QTEST_MAIN(TestRichTextNoLoad)
#include "tst_richtextnoload.moc"
