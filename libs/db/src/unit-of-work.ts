// Services own their transactions: they open a unit of work and pass it to each repository call that must
// share it. Repositories only run queries, inside the given transaction.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A transaction in progress. Only repositories look inside it. */
export class Transaction {
  constructor(readonly manager: EntityManager) {}
}

@Injectable()
export class UnitOfWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new Transaction(manager)));
  }
}
