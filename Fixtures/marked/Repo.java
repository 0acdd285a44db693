import java.security.MessageDigest;

class Repo {
    void find(Statement stmt, String name) throws Exception {
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'"); // expect: security.sql-injection
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        MessageDigest md = MessageDigest.getInstance("MD5"); // expect: security.weak-hash
        MessageDigest good = MessageDigest.getInstance("SHA-256");
        Runtime.getRuntime().exec("ping " + host); // expect: security.command-injection
        ObjectInputStream in = new ObjectInputStream(socket.getInputStream()); // expect: security.unsafe-deserialization
        try {
            load();
        } catch (IOException e) {
            e.printStackTrace(); // expect: quality.debug-output
        }
    }
}
