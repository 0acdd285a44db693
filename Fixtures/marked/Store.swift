import Foundation

struct Store {
    @IBOutlet weak var label: UILabel!
    let formatter = DateFormatter()

    func load(_ url: URL, id: String, items: [Item]) throws -> [String] {
        let data = try! Data(contentsOf: url)  // expect: quality.force-try
        let name = user.name!.uppercased()  // expect: quality.force-unwrap
        let cell = view as! Cell  // expect: quality.force-cast
        if name != "x" && !items.isEmpty { print("ok!") }
        try db.execute("DELETE FROM items WHERE id = \(id)")  // expect: security.sql-injection
        try db.execute("DELETE FROM items WHERE id = ?", id)
        var labels: [String] = []
        for item in items {
            let local = DateFormatter()  // expect: performance.expensive-construction-in-loop
            labels.append(formatter.string(from: item.date))
        }
        let row = table.dequeue(for: id)
        if labels.isEmpty {
            let decoder = JSONDecoder()
        }
        // try! is never used here
        let text = "try! and x!.y in a string"
        return labels
    }
}
