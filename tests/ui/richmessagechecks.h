#pragma once

// End-to-end checks of rich messages, shared by the app tests: what is sent is the source text,
// what the timeline shows is drawn from it block by block.
#include "appdriver.h"
#include "chat/messagelistmodel.h"

#include <QAbstractItemModel>
#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QQuickItem>
#include <QTest>

/// The nearest ancestor of `item` named `objectName`, or null.
inline QQuickItem *ancestorNamed(QQuickItem *item, const QString &objectName)
{
    while (item && item->objectName() != objectName)
        item = item->parentItem();
    return item;
}

/// Pastes a Markdown message with a Python code block (a tab inside) into the focused composer
/// and sends it: the model keeps the source; the timeline draws a code block, unwrapped, in the
/// message's rich body; its Copy puts the exact code (tab included) on the clipboard.
inline void sendMarkdownWithCodeBlock(const AppDriver &driver, QAbstractItemModel *messages)
{
    const auto data = [messages](const QByteArray &role) {
        return messages->index(0, 0).data(messages->roleNames().key(role, -1));
    };
    const QString code = QStringLiteral("def area():\n\treturn 2  # e2e %1")
                             .arg(QDateTime::currentMSecsSinceEpoch());
    const QString markdown =
        QStringLiteral("**Code** for $\\int_0^\\pi \\sin x\\,dx$:\n```python\n%1\n```").arg(code);
    driver.paste(markdown);
    QTest::keyClick(driver.window, Qt::Key_Return);
    QTRY_COMPARE(data("text").toString(), markdown);
    QTRY_COMPARE_WITH_TIMEOUT(data("deliveryState").toInt(), int(MessageListModel::Sent), 10000);
    QCOMPARE(data("text").toString(), markdown);

    QQuickItem *codeText = nullptr;
    QTRY_VERIFY((codeText = driver.itemWithText(QStringLiteral("codeText"), code)));
    QCOMPARE(codeText->property("wrapMode").toInt(), 0); // Text.NoWrap
    QQuickItem *codeBlock = ancestorNamed(codeText, QStringLiteral("codeBlock"));
    QVERIFY(codeBlock);
    QCOMPARE(codeBlock->property("language").toString(), QStringLiteral("python"));
    QQuickItem *richBody = ancestorNamed(codeBlock, QStringLiteral("richBody"));
    QVERIFY2(richBody, "the code block is in a message's rich body");
    QCOMPARE(richBody->property("text").toString(), markdown);

    QList<QQuickItem *> buttons;
    AppDriver::collect(codeBlock, QStringLiteral("copyCodeButton"), buttons);
    QCOMPARE(buttons.size(), 1);
    driver.click(buttons.constFirst());
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), code);
}
