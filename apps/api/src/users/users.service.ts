import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { hashPassword } from '../auth/password';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /** `tx` lets a caller create the user inside its own transaction (accepting an invite). */
  async create(input: { email: string; name: string; password: string; isPlatformOwner?: boolean }, tx?: EntityManager): Promise<User> {
    const user = this.users.create({
      id: randomUUID(),
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      isPlatformOwner: input.isPlatformOwner ?? false,
    });
    await (tx ? tx.getRepository(User) : this.users).insert(user);
    return user;
  }

  async setPassword(id: string, password: string): Promise<void> {
    await this.users.update({ id }, { passwordHash: await hashPassword(password) });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** With the password hash, for login only. */
  findForLogin(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  findOwner(): Promise<User | null> {
    return this.users.findOne({ where: { isPlatformOwner: true }, order: { createdAt: 'ASC' } });
  }

  async hasPlatformOwner(): Promise<boolean> {
    return (await this.users.countBy({ isPlatformOwner: true })) > 0;
  }
}
