import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TenantRepository, TenantRole } from '@scrm/platform';
import { EntityManager, Repository } from 'typeorm';
import { AccessTokenService } from './access-token.service';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';

export interface CreateUserInput {
  email: string;
  password: string;
  role: TenantRole;
  displayName?: string;
  staffUserId?: string | null;
}

export interface UpdateUserInput {
  role?: TenantRole;
  displayName?: string;
  password?: string;
  disabled?: boolean;
  staffUserId?: string | null;
}

@Injectable()
export class UserService {
  private readonly users: TenantRepository<User>;

  constructor(
    @InjectRepository(User) repo: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
  ) {
    this.users = new TenantRepository(repo, 'User');
  }

  async create(tenantId: string, input: CreateUserInput, manager?: EntityManager): Promise<User> {
    const users = manager ? this.users.withManager(manager) : this.users;
    const email = input.email.toLowerCase();
    if (await users.findOne(tenantId, { email })) throw new ConflictException(`email '${email}' is already a user`);
    const user = users.create(tenantId, {
      email,
      role: input.role,
      displayName: input.displayName ?? '',
      staffUserId: input.staffUserId ?? null,
      passwordHash: await this.hasher.hash(input.password),
    });
    return users.save(user);
  }

  list(tenantId: string): Promise<User[]> {
    return this.users.find(tenantId, { order: { createdAt: 'ASC' } });
  }

  get(tenantId: string, id: string): Promise<User> {
    return this.users.get(tenantId, { id });
  }

  findByEmail(tenantId: string, email: string): Promise<User | null> {
    return this.users.findOne(tenantId, { email: email.toLowerCase() });
  }

  /** Disabling a user or changing their password or role ends their sessions at once. */
  async update(tenantId: string, id: string, input: UpdateUserInput): Promise<User> {
    const user = await this.get(tenantId, id);
    const endSessions = input.disabled === true || input.password !== undefined || (input.role && input.role !== user.role);
    if (input.role) user.role = input.role;
    if (input.displayName !== undefined) user.displayName = input.displayName;
    if (input.staffUserId !== undefined) user.staffUserId = input.staffUserId;
    if (input.password !== undefined) user.passwordHash = await this.hasher.hash(input.password);
    if (input.disabled !== undefined) user.disabledAt = input.disabled ? (user.disabledAt ?? new Date()) : null;
    const saved = await this.users.save(user);
    if (endSessions) await this.tokens.revokeAllOfUser(tenantId, id);
    return saved;
  }
}
