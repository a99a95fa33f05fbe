// The static QML modules StudyConnect.Chat and StudyConnect.Auth as the app imports them: the
// singletons are the C++ instances, and the enums and models are reachable from QML.
#include "auth/session.h"
#include "chat/conversationmanager.h"
#include "chat/socketservice.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(StudyConnect_ChatPlugin)
Q_IMPORT_QML_PLUGIN(StudyConnect_AuthPlugin)

class TestQmlModules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singletonsAreTheCppInstances()
    {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(&engine);
        component.setData(R"(
            import QtQml
            import StudyConnect.Chat
            import StudyConnect.Auth
            QtObject {
                property var service: SocketService
                property var manager: ConversationManager
                property var session: Session
                property bool disconnected: ConversationManager.connection.state === ChatConnection.Disconnected
                property bool signedOut: Session.state === Session.SignedOut
                property int pendingState: MessageListModel.Pending
                property int failedState: MessageListModel.Failed
                property var rooms: ConversationManager.rooms
                property string clientId: SocketService.sendMessage("5", "queued from QML")
                property var room: ConversationManager.rooms.get(0)
                property var model: room ? room.messages : null
                property bool isRoom: room ? room.kind === Conversation.Room : false
                property bool tokenHidden: Session.token === undefined
            }
        )",
            QUrl(QStringLiteral("qrc:/tst_qmlmodules.qml")));
        QScopedPointer<QObject> root(component.create());
        QVERIFY2(root, qPrintable(component.errorString()));
        QCOMPARE(root->property("service").value<QObject *>(), SocketService::globalInstance());
        QCOMPARE(
            root->property("manager").value<QObject *>(), ConversationManager::globalInstance());
        QVERIFY(root->property("isRoom").toBool());
        QCOMPARE(root->property("session").value<QObject *>(), Session::globalInstance());
        QVERIFY(root->property("disconnected").toBool());
        QVERIFY(root->property("signedOut").toBool());
        QCOMPARE(root->property("pendingState").toInt(), 0);
        QCOMPARE(root->property("failedState").toInt(), 2);
        QCOMPARE(root->property("rooms").value<QObject *>(),
            ConversationManager::globalInstance()->rooms());
        auto *model = root->property("model").value<MessageListModel *>();
        QVERIFY(model);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0).data(MessageListModel::ClientIdRole).toString(),
            root->property("clientId").toString());
        QCOMPARE(ConversationManager::globalInstance()->pendingCount(), 1);
        QVERIFY(root->property("tokenHidden").toBool());
        root.reset();
        // Owned by C++: the engine going away must not delete them.
        QCOMPARE(SocketService::globalInstance()->roomMessages(5), model);
    }
};

QTEST_MAIN(TestQmlModules)
#include "tst_qmlmodules.moc"
