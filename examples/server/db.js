// In-memory stand-in for a database, so the example app is complete.
const users = new Map();

export const db = {
  users: {
    async find(id) {
      return users.get(id) ?? null;
    },
    async remove(id) {
      return users.delete(id);
    },
    async create(data) {
      const user = { id: String(users.size + 1), ...data };
      users.set(user.id, user);
      return user;
    },
    async remove(id) {
      users.delete(id);
    },
  },
};
