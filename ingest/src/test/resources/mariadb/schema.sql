CREATE DATABASE ads;
CREATE DATABASE bank;
USE ads;
CREATE TABLE ad_logs (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  ad_id INT NOT NULL,
  log_date DATE NOT NULL,
  clicks INT NOT NULL,
  cost DECIMAL(10,2) NOT NULL,
  note VARCHAR(64),
  KEY idx_ad_date (ad_id, log_date)
) ENGINE=InnoDB;
CREATE TABLE campaigns (
  id INT PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  owner VARCHAR(64) NOT NULL
) ENGINE=InnoDB;
USE bank;
CREATE TABLE accounts (
  id INT PRIMARY KEY,
  owner VARCHAR(64) NOT NULL,
  balance DECIMAL(12,2) NOT NULL
) ENGINE=InnoDB;
CREATE TABLE transfers (
  id INT PRIMARY KEY,
  from_account INT NOT NULL,
  to_account INT NOT NULL,
  amount DECIMAL(12,2) NOT NULL,
  KEY idx_from (from_account)
) ENGINE=InnoDB;
INSERT INTO accounts VALUES (1,'alice',100.00),(2,'bob',200.00),(3,'carol',300.00);
INSERT INTO transfers VALUES (10,1,2,5.00),(20,2,3,7.50),(30,3,1,1.25);
