import type { Identity } from '@parley/contracts';
import { FakeCannedResponseRepository } from '../testing/fake-canned-response.repository';
import { ana, cleo, root } from '../testing/identities';
import { createCannedResponseService } from './canned-response.service';

const bo: Identity = { userId: 'agent-2', role: 'support', name: 'Bo' };
const refund = { shortcut: 'refund', title: 'Refund on its way', content: 'Hi {{customer_name}}, {{agent_name}} here: your refund is on its way.' };

describe('canned responses', () => {
  let repository: FakeCannedResponseRepository;
  let service: ReturnType<typeof createCannedResponseService>;
  beforeEach(() => {
    repository = new FakeCannedResponseRepository();
    service = createCannedResponseService({ responses: repository });
  });

  it('keeps a personal response for its owner alone, and shows shared ones to every agent', async () => {
    const mine = await service.create(ana, refund);
    const team = await service.create(root, { ...refund, shortcut: 'hello', title: 'Greeting', content: 'Hello!', shared: true });
    expect(mine).toEqual({ id: expect.any(String), ...refund, shared: false, created_at: expect.any(String), updated_at: expect.any(String) });
    expect(mine).not.toHaveProperty('owner_id');
    expect((await service.list(ana)).map((r) => r.shortcut)).toEqual(['hello', 'refund']);
    expect((await service.list(bo)).map((r) => r.id)).toEqual([team.id]);
  });

  it('stores a shortcut in lower case and refuses one that is not a single word', async () => {
    expect((await service.create(ana, { ...refund, shortcut: '  Refund-EU ' })).shortcut).toBe('refund-eu');
    for (const shortcut of ['two words', '/refund', '', 'x'.repeat(33), 'ref$']) {
      await expect(service.create(ana, { ...refund, shortcut })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'shortcut' } });
    }
    expect(repository.rows).toHaveLength(1);
  });

  it.each([
    ['an unknown field', { ...refund, owner_id: 'agent-9' }, 'owner_id'],
    ['an empty title', { ...refund, title: '  ' }, 'title'],
    ['content over 5000 characters', { ...refund, content: 'x'.repeat(5001) }, 'content'],
    ['shared that is not a boolean', { ...refund, shared: 'yes' }, 'shared'],
    ['no content', { shortcut: 'a', title: 'b' }, 'content'],
  ])('refuses %s and stores nothing', async (_name, body, field) => {
    await expect(service.create(ana, body)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field } });
    expect(repository.rows).toHaveLength(0);
  });

  it('keeps shortcuts unique per owner, and among the shared ones across the team', async () => {
    await service.create(ana, refund);
    await expect(service.create(ana, { ...refund, title: 'Again' })).rejects.toMatchObject({ code: 'ALREADY_EXISTS', message: 'You already have a response /refund' });
    await service.create(bo, refund);
    await service.create(root, { ...refund, shared: true });
    await expect(service.create(root, { ...refund, shared: true })).rejects.toMatchObject({ code: 'ALREADY_EXISTS', message: 'The team already has a shared response /refund' });
    expect(repository.rows).toHaveLength(3);
  });

  it('lets only staff use them, and only admins create, edit or delete shared ones', async () => {
    await expect(service.list(cleo)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(service.create(cleo, refund)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(service.create(ana, { ...refund, shared: true })).rejects.toMatchObject({ code: 'PERMISSION_DENIED', message: 'Only admins create shared responses' });
    const shared = await service.create(root, { ...refund, shared: true });
    await expect(service.update(ana, shared.id, { title: 'Mine now' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED', message: 'Only admins change shared responses' });
    await expect(service.remove(ana, shared.id)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(await service.update({ ...root, userId: 'admin-2', name: 'Ada' }, shared.id, { title: 'Refunds' })).toMatchObject({ title: 'Refunds', shared: true });
  });

  it("answers NOT_FOUND for someone else's personal response, as for one that does not exist", async () => {
    const mine = await service.create(ana, refund);
    await expect(service.update(bo, mine.id, { title: 'Stolen' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.remove(root, mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.remove(ana, '5a7f3a59-0ad5-4cf9-9b5e-5c3b8f0a1e11')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.remove(ana, 'not-a-uuid')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(repository.rows.map((r) => r.title)).toEqual([refund.title]);
  });

  it('changes only the fields named, and refuses an empty change or a taken shortcut', async () => {
    const mine = await service.create(ana, refund);
    await service.create(ana, { ...refund, shortcut: 'late' });
    const changed = await service.update(ana, mine.id, { content: 'New text' });
    expect(changed).toMatchObject({ shortcut: 'refund', title: refund.title, content: 'New text' });
    await expect(service.update(ana, mine.id, {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(service.update(ana, mine.id, { shortcut: 'late' })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect((await service.list(ana)).find((r) => r.id === mine.id)?.shortcut).toBe('refund');
  });

  it('lets an admin share a response or take a shared one back as their own', async () => {
    const own = await service.create(root, refund);
    expect(await service.update(root, own.id, { shared: true })).toMatchObject({ shared: true });
    expect((await service.list(bo)).map((r) => r.id)).toEqual([own.id]);
    await expect(service.update(ana, (await service.create(ana, { ...refund, shortcut: 'x' })).id, { shared: true })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      message: 'Only admins share responses',
    });
    const admin2: Identity = { userId: 'admin-2', role: 'admin', name: 'Ada' };
    expect(await service.update(admin2, own.id, { shared: false })).toMatchObject({ shared: false });
    expect((await service.list(admin2)).map((r) => r.id)).toContain(own.id);
    expect((await service.list(root)).map((r) => r.id)).not.toContain(own.id);
  });

  it('refuses a personal response past the limit an agent keeps', async () => {
    for (let i = 0; i < 200; i++) await repository.create({ owner_id: ana.userId, shortcut: `r${i}`, title: 't', content: 'c', shared: false });
    await expect(service.create(ana, refund)).rejects.toMatchObject({ code: 'FAILED_PRECONDITION', message: 'You keep at most 200 personal responses' });
    expect(await service.create(bo, refund)).toMatchObject({ shortcut: 'refund' });
  });

  it('deletes a response for good', async () => {
    const mine = await service.create(ana, refund);
    await service.remove(ana, mine.id);
    expect(await service.list(ana)).toEqual([]);
    await expect(service.remove(ana, mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
