#pragma once

// Drives the real app's window in a test the way a user does: finds items by objectName in the
// visual tree, types, clicks and pastes. Shared by the end-to-end tests.
#include <QClipboard>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QWheelEvent>
#include <QtQuickTest/quicktest.h>

class AppDriver
{
public:
    QQuickWindow *window = nullptr;

    /// Every item named `objectName` (Loader and popup items are not always QObject children,
    /// so the search follows childItems(), from the content item and the popup overlay).
    static void collect(QQuickItem *root, const QString &objectName, QList<QQuickItem *> &found)
    {
        if (root->objectName() == objectName)
            found << root;
        for (QQuickItem *child : root->childItems())
            collect(child, objectName, found);
    }
    QQuickItem *item(const QString &objectName) const
    {
        QList<QQuickItem *> found;
        if (window)
            collect(window->contentItem()->parentItem() ? window->contentItem()->parentItem()
                                                        : window->contentItem(),
                objectName, found);
        return found.isEmpty() ? nullptr : found.constFirst();
    }
    bool visible(const QString &objectName) const
    {
        QQuickItem *found = item(objectName);
        return found && found->isVisible();
    }
    /// A visible item with this objectName whose `text` is `text` (delegates are reused).
    QQuickItem *itemWithText(const QString &objectName, const QString &text) const
    {
        QList<QQuickItem *> found;
        collect(window->contentItem(), objectName, found);
        for (QQuickItem *candidate : std::as_const(found)) {
            if (candidate->isVisible() && candidate->property("text").toString() == text)
                return candidate;
        }
        return nullptr;
    }
    /// Types ASCII text into the focused item, one key press per character.
    void typeText(const QString &text) const
    {
        for (const QChar c : text)
            QTest::keyClick(window, c.toLatin1());
    }
    /// Puts `text` on the clipboard and presses Ctrl+V in the focused item.
    void paste(const QString &text) const
    {
        QGuiApplication::clipboard()->setText(text);
        QTest::keyClick(window, Qt::Key_V, Qt::ControlModifier);
    }
    void click(QQuickItem *target) const
    {
        QVERIFY(target);
        // Layouts and positioners place items at the next polish: a row added a moment ago may
        // still be at its old place, where the click would hit its neighbour.
        QVERIFY(QQuickTest::qWaitForPolish(window));
        const QPointF center =
            target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
        QTest::mouseClick(window, Qt::LeftButton, {}, center.toPoint());
    }
    /// One notch of the mouse wheel over `target`: up (towards older messages) when `notches` > 0.
    void wheel(QQuickItem *target, int notches) const
    {
        QVERIFY(target);
        const QPointF center =
            target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
        QWheelEvent event(center, window->mapToGlobal(center), QPoint(), QPoint(0, 120 * notches),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        // Flickable derives the scroll speed from the time between wheel events: without a
        // timestamp every event after the first looks simultaneous and is dropped.
        static quint64 timestamp = 0;
        timestamp += 100;
        event.setTimestamp(timestamp);
        QGuiApplication::sendEvent(window, &event);
    }
};
