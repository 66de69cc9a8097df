#pragma once

// Data-driven rows over what the client speaks: one row per operation, or one per documented
// error of each operation. Call from a Qt Test _data() function.

#include "aws/serviceregistry.h"

#include <QTest>

namespace sw::test {

/// Column "op" (const OperationSpec *), row "<service> <Operation>".
inline void addOperationRows()
{
    QTest::addColumn<const aws::OperationSpec *>("op");
    for (const aws::ServiceSpec *service : aws::allServices()) {
        for (const aws::OperationSpec *op : aws::operationsOf(*service))
            QTest::newRow(qPrintable(service->cliName + u' ' + op->name)) << op;
    }
}

/// Columns "op" and "code" (QString), row "<service> <Operation> <ErrorCode>".
inline void addOperationErrorRows()
{
    QTest::addColumn<const aws::OperationSpec *>("op");
    QTest::addColumn<QString>("code");
    for (const aws::ServiceSpec *service : aws::allServices()) {
        for (const aws::OperationSpec *op : aws::operationsOf(*service)) {
            for (const QString &code : op->errors)
                QTest::newRow(qPrintable(service->cliName + u' ' + op->name + u' ' + code))
                    << op << code;
        }
    }
}

} // namespace sw::test
